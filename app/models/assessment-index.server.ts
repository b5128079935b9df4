/**
 * The stored, date-only part of each progetto's assessment (decision 007): what lets the
 * dashboard and Scadenze count, filter and order progetti in SQL at national scale, then
 * assess only the page they show through the read model.
 */
import { between, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/connection";
import { assessmentMeta, type progettoAssessment, progettoStale } from "../../db/schema";
import { isClosed } from "../domain/phase";
import type { Policy } from "../domain/policy";
import {
  type AssessedProgetto,
  loadAssessedLean,
  type ProgettoAssessedLean,
} from "./progetti.server";

/**
 * Raise when assessProgetto changes what it derives from the facts (phase or deadlines): the
 * stored assessments of every progetto are then rebuilt on the next read.
 */
export const ASSESSMENT_RULES_VERSION = 4;

/**
 * Progetti assessed per round (a transaction of its own unless the caller's): a few
 * set-based queries each, so an import's 100,000 cost 50 rounds, not 100,000 reads; small
 * enough for its objects to die young and to hold the write lock for milliseconds.
 */
const CHUNK = 2_000;

/** Nothing stored depends on the day, so any policy gives the same rows. */
const ANY_DAY: Policy = { today: "2000-01-01", atRiskDays: 0 };

type StoredAssessment = typeof progettoAssessment.$inferInsert;

/** What is stored of one assessment: its phase and the deadlines still open. */
export function storedAssessment(a: AssessedProgetto | ProgettoAssessedLean): StoredAssessment {
  const { phase, deadlines, next } = a.assessment;
  const open = (d: (typeof deadlines)["contract"]) =>
    !isClosed(phase) && d !== null && d.metOn === null ? d.due : null;
  const p = "progetto" in a ? { id: a.progetto.id, officialState: a.progetto.officialState } : a;
  return {
    progettoId: p.id,
    phase,
    officialState: p.officialState,
    amountCents: a.amountCents,
    contractDue: open(deadlines.contract),
    completionDue: open(deadlines.completion),
    integrationDue: a.assessment.closure.nextReply?.due ?? null,
    nextDue: next?.deadline.due ?? null,
  };
}

/**
 * Brings the stored assessments up to date with the facts: every progetto the triggers
 * marked stale (or all of them after a change of rules) is assessed again, by the same rule
 * and facts as the read model (loadAssessedLean). Cheap when nothing changed (a few lookups
 * by key); callers run it before reading the stored columns.
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
  const sqlite = db.$client;
  // Prepared once: building a statement per row costs more than the assessment.
  const range = sqlite.prepare(
    `select min(progetto_id), max(progetto_id), count(*) from
       (select progetto_id from progetto_stale order by progetto_id limit ${CHUNK})`,
  );
  const upsert = sqlite.prepare(
    `insert or replace into progetto_assessment
       (progetto_id, phase, official_state, amount_cents, contract_due, completion_due,
        integration_due, next_due)
     values (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const done = sqlite.prepare("delete from progetto_stale where progetto_id between ? and ?");
  let refreshed = 0;
  for (;;) {
    const count = db.transaction(() => {
      const [lo, hi, count] = range.raw(true).get() as [number | null, number | null, number];
      if (lo === null || hi === null) return 0;
      // A range of ids, so the ids are one subquery and not thousands of bound values.
      const ids = db
        .select({ id: progettoStale.progettoId })
        .from(progettoStale)
        .where(between(progettoStale.progettoId, lo, hi));
      // The read model reads through the same connection, so inside this transaction.
      for (const a of loadAssessedLean(db, ANY_DAY, ids)) {
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
      done.run(lo, hi);
      return count;
    });
    if (count === 0) return refreshed;
    refreshed += count;
  }
}
