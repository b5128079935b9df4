import { eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../db/audit";
import type { Db } from "../../db/connection";
import { comune, unione } from "../../db/schema";
import type { SessionUser } from "../auth/access";
import { auditedUpdate } from "./audited.server";

/** The comuni a user may see, as a condition on the comune table (undefined: all of them). */
export function visibleComuni(user: SessionUser): SQL | undefined {
  switch (user.role) {
    case "admin":
      return undefined;
    case "coordinatore":
      return user.unioneId === null ? sql`0` : eq(comune.unioneId, user.unioneId);
    case "editor":
    case "lettore":
      return user.comuneIds.length === 0 ? sql`0` : inArray(comune.id, [...user.comuneIds]);
  }
}

export function getComune(db: Db, id: number) {
  const row = db
    .select({
      id: comune.id,
      name: comune.name,
      codiceIstat: comune.codiceIstat,
      codiceCatastale: comune.codiceCatastale,
      codiceIpa: comune.codiceIpa,
      provincia: comune.provincia,
      regione: comune.regione,
      population: comune.population,
      populationDate: comune.populationDate,
      accessibilityUrl: comune.accessibilityUrl,
      privacyUrl: comune.privacyUrl,
      fictional: comune.fictional,
      suppressed: comune.suppressed,
      unioneId: comune.unioneId,
      unione: unione.name,
    })
    .from(comune)
    .leftJoin(unione, eq(unione.id, comune.unioneId))
    .where(eq(comune.id, id))
    .get();
  return row ?? null;
}

export interface AnagraficaInput {
  population: number | null;
  populationDate: string | null;
}

export function updateAnagrafica(
  db: Db,
  actor: Actor,
  id: number,
  input: AnagraficaInput,
): boolean {
  return db.transaction(
    (tx) => auditedUpdate(tx, actor, "comune", comune, id, { ...input }) !== null,
  );
}

/** The addresses the footer of the comune's public pages links to (null: no link). */
export function updatePublicLinks(
  db: Db,
  actor: Actor,
  id: number,
  input: { accessibilityUrl: string | null; privacyUrl: string | null },
): boolean {
  return db.transaction(
    (tx) => auditedUpdate(tx, actor, "comune", comune, id, { ...input }) !== null,
  );
}

export function getUnione(db: Db, id: number) {
  return db.select().from(unione).where(eq(unione.id, id)).get() ?? null;
}
