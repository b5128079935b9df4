/**
 * The stored, date-only part of each progetto's assessment (decision 007): what lets the
 * dashboard and Scadenze count, filter and order progetti in SQL at national scale, then
 * assess only the page they show through the read model.
 */
import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/connection";
import { assessmentMeta, progetto, type progettoAssessment, progettoStale } from "../../db/schema";
import { isClosed } from "../domain/phase";
import type { Policy } from "../domain/policy";
import { type AssessedProgetto, loadAssessedProgetti } from "./progetti.server";

/**
 * Raise when assessProgetto changes what it derives from the facts (phase or deadlines): the
 * stored assessments of every progetto are then rebuilt on the next read.
 */
export const ASSESSMENT_RULES_VERSION = 3;

/** Progetti assessed per transaction: big enough to be quick, small enough to yield. */
const CHUNK = 500;

/** Nothing stored depends on the day, so any policy gives the same rows. */
const ANY_DAY: Policy = { today: "2000-01-01", atRiskDays: 0 };

type StoredAssessment = typeof progettoAssessment.$inferInsert;

/** What is stored of one assessment: its phase and the deadlines still open. */
export function storedAssessment(a: AssessedProgetto): StoredAssessment {
  const { phase, deadlines, next } = a.assessment;
  const open = (d: (typeof deadlines)["contract"]) =>
    !isClosed(phase) && d !== null && d.metOn === null ? d.due : null;
  return {
    progettoId: a.progetto.id,
    phase,
    officialState: a.progetto.officialState,
    amountCents: a.amountCents,
    contractDue: open(deadlines.contract),
    completionDue: open(deadlines.completion),
    integrationDue: a.assessment.closure.nextReply?.due ?? null,
    nextDue: next?.deadline.due ?? null,
  };
}

/**
 * Brings the stored assessments up to date with the facts: every progetto the triggers
 * marked stale (or all of them after a change of rules) is assessed again. Cheap when
 * nothing changed (two lookups by key); callers run it before reading the stored columns.
 * Returns how many progetti were assessed.
 */
export function refreshAssessments(db: Db): number {
  const meta = db.select().from(assessmentMeta).where(eq(assessmentMeta.id, 1)).get();
  if (meta?.rulesVersion !== ASSESSMENT_RULES_VERSION) {
    db.transaction((tx) => {
      tx.run(sql`insert or ignore into progetto_stale select id from progetto`);
      tx.insert(assessmentMeta)
        .values({ id: 1, rulesVersion: ASSESSMENT_RULES_VERSION })
        .onConflictDoUpdate({
          target: assessmentMeta.id,
          set: { rulesVersion: ASSESSMENT_RULES_VERSION },
        })
        .run();
    });
  }
  let refreshed = 0;
  for (;;) {
    const ids = db
      .select({ id: progettoStale.progettoId })
      .from(progettoStale)
      .limit(CHUNK)
      .all()
      .map((r) => r.id);
    if (ids.length === 0) return refreshed;
    db.transaction((tx) => {
      // The read model reads through the same connection, so inside this transaction.
      const assessed = loadAssessedProgetti(db, ANY_DAY, inArray(progetto.id, ids));
      // A prepared statement: building one query per row costs more than the assessment.
      const upsert = db.$client.prepare(
        `insert or replace into progetto_assessment
           (progetto_id, phase, official_state, amount_cents, contract_due, completion_due,
            integration_due, next_due)
         values (?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const a of assessed) {
        const r = storedAssessment(a);
        upsert.run(
          r.progettoId,
          r.phase,
          r.officialState,
          r.amountCents,
          r.contractDue,
          r.completionDue,
          r.integrationDue,
          r.nextDue,
        );
      }
      // A progetto deleted since it was marked has nothing to store (its row went with it).
      tx.delete(progettoStale).where(inArray(progettoStale.progettoId, ids)).run();
    });
    refreshed += ids.length;
  }
}
