import { asc, count, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Actor } from "../../db/audit";
import type { Db } from "../../db/connection";
import { avviso, progetto } from "../../db/schema";
import { RULES } from "../domain/measures";
import type { AvvisoRulesInput } from "../forms/deadline-inputs";
import { auditedUpdate } from "./audited.server";

/** The avvisi a 1.4.1 candidatura for a comune can answer. */
export function avvisi141(db: Db) {
  return db
    .select({ id: avviso.id, title: avviso.title })
    .from(avviso)
    .where(eq(avviso.rules, RULES.comuni141))
    .orderBy(asc(avviso.opensOn))
    .all();
}

export type AvvisoRow = typeof avviso.$inferSelect;

/** Every avviso with its rules and how many progetti answer it, by measure and window. */
export function listAvvisi(db: Db): (AvvisoRow & { progetti: number })[] {
  const counts = new Map(
    db
      .select({ id: progetto.avvisoId, n: count() })
      .from(progetto)
      .groupBy(progetto.avvisoId)
      .all()
      .map((r) => [r.id, r.n]),
  );
  return db
    .select()
    .from(avviso)
    .orderBy(asc(avviso.misura), asc(avviso.opensOn), asc(avviso.title))
    .all()
    .map((a) => ({ ...a, progetti: counts.get(a.id) ?? 0 }));
}

export function getAvviso(db: Db, id: number): AvvisoRow | null {
  return db.select().from(avviso).where(eq(avviso.id, id)).get() ?? null;
}

/**
 * An administrator's edit of an avviso's rules, audited; the progetti of the avviso are
 * assessed again (a trigger marks them stale).
 */
export function saveAvvisoRules(
  db: Db,
  actor: Actor,
  id: number,
  input: z.output<typeof AvvisoRulesInput>,
): AvvisoRow | null {
  return db.transaction((tx) => auditedUpdate<AvvisoRow>(tx, actor, "avviso", avviso, id, input));
}
