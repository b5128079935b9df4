import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/connection";
import { avviso } from "../../db/schema";
import { RULES } from "../domain/measures";

/** The avvisi a 1.4.1 candidatura for a comune can answer. */
export function avvisi141(db: Db) {
  return db
    .select({ id: avviso.id, title: avviso.title })
    .from(avviso)
    .where(eq(avviso.rules, RULES.comuni141))
    .orderBy(asc(avviso.opensOn))
    .all();
}
