/**
 * Which comuni belong to an Unione. A comune has one unione_id, so it belongs to at most
 * one Unione; joining another means leaving the first, which we refuse to do silently.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Actor } from "../../../db/audit";
import type { Db } from "../../../db/connection";
import { comune, unione } from "../../../db/schema";
import { auditedUpdate } from "../../models/audited.server";

export type MembershipResult = { ok: true; message: string } | { ok: false; message: string };

/** Finds a comune by ISTAT code, or by name when only one comune has it. */
function findComune(db: Db, text: string) {
  const query = text.trim();
  if (/^\d{6}$/.test(query))
    return db.select().from(comune).where(eq(comune.codiceIstat, query)).all();
  return db.select().from(comune).where(sql`lower(${comune.name}) = lower(${query})`).all();
}

export function addMember(db: Db, actor: Actor, unioneId: number, text: string): MembershipResult {
  if (text.trim() === "")
    return { ok: false, message: "Indicare il nome o il codice ISTAT del comune da aggiungere." };
  return db.transaction((tx) => {
    const found = findComune(db, text);
    if (found.length === 0)
      return { ok: false, message: `Nessun comune trovato con «${text.trim()}».` };
    if (found.length > 1)
      return {
        ok: false,
        message: `Più comuni si chiamano «${text.trim()}»: indicare il codice ISTAT (${found
          .map((c) => `${c.codiceIstat} ${c.provincia ?? ""}`.trim())
          .join(", ")}).`,
      };
    const target = found[0] as (typeof found)[number];
    if (target.unioneId === unioneId)
      return { ok: false, message: `${target.name} fa già parte di questa Unione.` };
    if (target.unioneId !== null) {
      const other = tx.select().from(unione).where(eq(unione.id, target.unioneId)).get();
      return {
        ok: false,
        message: `${target.name} fa già parte dell'${other?.name ?? "altra Unione"}: un comune può appartenere a una sola Unione.`,
      };
    }
    auditedUpdate(tx, actor, "comune", comune, target.id, { unioneId });
    return { ok: true, message: `${target.name} aggiunto all'Unione.` };
  });
}

export function removeMember(
  db: Db,
  actor: Actor,
  unioneId: number,
  comuneId: number,
): MembershipResult {
  return db.transaction((tx) => {
    const member = tx
      .select()
      .from(comune)
      .where(and(eq(comune.id, comuneId), eq(comune.unioneId, unioneId)))
      .get();
    if (!member) return { ok: false, message: "Il comune non fa parte di questa Unione." };
    auditedUpdate(tx, actor, "comune", comune, member.id, { unioneId: null });
    return { ok: true, message: `${member.name} tolto dall'Unione.` };
  });
}
