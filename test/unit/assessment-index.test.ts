/**
 * The stored assessments (decision 007) always agree with the read model, whatever fact
 * changes and however it is written; and the lists built on them read a bounded number of
 * rows, however many progetti the database holds.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { SessionUser } from "~/auth/access";
import { deadlineStatus, statusBounds } from "~/domain/deadlines";
import { loadDashboard } from "~/features/dashboard/dashboard.server";
import { loadScadenze } from "~/features/deadlines/open-deadlines.server";
import { refreshAssessments, storedAssessment } from "~/models/assessment-index.server";
import { loadAssessedProgetti } from "~/models/progetti.server";
import { seedDemoData } from "../../scripts/seeds/demo";
import { insertManyProgetti } from "../support/many-progetti";
import { createTempDatabase, type TempDatabase } from "../support/temp-db";

const TODAY = "2026-11-22";
const policy = { today: TODAY, atRiskDays: 30 };
const ADMIN: SessionUser = {
  id: 1,
  email: "a@example.org",
  name: "Admin",
  role: "admin",
  unioneId: null,
  comuneIds: [],
};

let temp: TempDatabase | undefined;
afterEach(() => temp?.cleanup());

function stored(t: TempDatabase) {
  return t.sqlite
    .prepare(
      "select progetto_id progettoId, phase, official_state officialState, amount_cents amountCents, contract_due contractDue, completion_due completionDue, integration_due integrationDue, next_due nextDue from progetto_assessment order by progetto_id",
    )
    .all();
}
const expected = (t: TempDatabase) =>
  loadAssessedProgetti(t.db, policy, undefined)
    .map(storedAssessment)
    .sort((a, b) => (a.progettoId ?? 0) - (b.progettoId ?? 0));

describe("the stored assessments", () => {
  it("follow every kind of fact, written by the models or straight in SQL", () => {
    temp = createTempDatabase();
    const t = temp;
    seedDemoData({ db: t.db, filesDir: t.filesDir, today: TODAY });
    refreshAssessments(t.db);
    expect(stored(t)).toEqual(expected(t));
    const [p] = t.sqlite
      .prepare(
        "select p.id, p.comune_id c from progetto p join decreto d on d.progetto_id = p.id where d.notified_on is not null limit 1",
      )
      .all() as { id: number; c: number }[];
    const [q] = t.sqlite
      .prepare(
        "select p.id from progetto p join decreto d on d.progetto_id = p.id where d.notified_on is not null and p.id <> ? limit 1",
      )
      .all(p?.id) as { id: number }[];
    if (!p || !q) throw new Error("the demo lacks a notified progetto");
    const steps = [
      // Without a band the population decides the deadlines (180 or 270 days).
      () => t.sqlite.prepare("update progetto set band = null where id = ?").run(p.id),
      () =>
        t.sqlite
          .prepare("update decreto set notified_on = '2026-10-01' where progetto_id = ?")
          .run(p.id),
      () => t.sqlite.prepare("update comune set population = 90000 where id = ?").run(p.c),
      () => t.sqlite.prepare("update comune set population = 900 where id = ?").run(p.c),
      () =>
        t.sqlite
          .prepare(
            "insert into determina (progetto_id, number, adopted_on, supplier_name) values (?, 'X', '2026-11-01', 'Fornitore')",
          )
          .run(q.id),
      () =>
        t.sqlite
          .prepare(
            "insert into istanza_modifica (progetto_id, sent_on, kind, outcome, outcome_on, deadline_kind, granted_deadline) values (?, '2026-11-02', 'cronoprogramma', 'accolta', '2026-11-03', 'completion', '2029-01-01')",
          )
          .run(q.id),
      () =>
        t.sqlite
          .prepare(
            "insert into evento (progetto_id, kind, occurred_on) values (?, 'rinuncia', '2026-11-10')",
          )
          .run(q.id),
      () =>
        t.sqlite
          .prepare("delete from evento where progetto_id = ? and kind = 'rinuncia'")
          .run(q.id),
      // A request for integration owes a reply: a deadline of its own (closure.ts).
      () =>
        t.sqlite
          .prepare(
            "insert into evento (progetto_id, kind, occurred_on, outcome) values (?, 'asseverazione', '2026-11-12', 'positiva')",
          )
          .run(q.id),
      () =>
        t.sqlite
          .prepare(
            "insert into evento (progetto_id, kind, occurred_on, due_on) values (?, 'richiesta-integrazione', '2026-11-13', '2026-11-30')",
          )
          .run(q.id),
      () =>
        t.sqlite
          .prepare(
            "update evento set replied_on = '2026-11-20' where progetto_id = ? and kind = 'richiesta-integrazione'",
          )
          .run(q.id),
      () =>
        t.sqlite
          .prepare(
            "update progetto set official_state = 'E', official_state_on = '2026-11-11' where id = ?",
          )
          .run(p.id),
      () =>
        t.sqlite
          .prepare("update progetto set official_amount_cents = 1234500 where id = ?")
          .run(q.id),
      () => t.sqlite.prepare("delete from decreto where progetto_id = ?").run(q.id),
      // Changes of deadline as the platform grants them.
      () =>
        t.sqlite
          .prepare(
            "insert into proroga (progetto_id, deadline_kind, kind, granted_on, days) values (?, 'contract', 'eccezionale', '2026-11-01', 45)",
          )
          .run(p.id),
      () => t.sqlite.prepare("update proroga set days = 90 where progetto_id = ?").run(p.id),
      () => t.sqlite.prepare("delete from proroga where progetto_id = ?").run(p.id),
      // The platform's dates, and the avviso the progetto answers.
      () =>
        t.sqlite
          .prepare(
            "update progetto set official_state = 'A', platform_contract_due = '2027-02-28', platform_completion_due = '2027-12-31' where id = ?",
          )
          .run(p.id),
      () => t.sqlite.prepare("update progetto set avviso_id = null where id = ?").run(q.id),
      // An administrator edits the avviso's rules: every progetto of that avviso follows.
      () =>
        t.sqlite
          .prepare(
            "update avviso set final_deadline = '2026-12-01', contract_days_large = 300 where rules = 'misura-1.4.1-comuni'",
          )
          .run(),
    ];
    for (const step of steps) {
      step();
      expect(refreshAssessments(t.db)).toBeGreaterThan(0);
      expect(stored(t)).toEqual(expected(t));
    }
    // Nothing changed: nothing to assess.
    expect(refreshAssessments(t.db)).toBe(0);
  });

  it("select open deadlines by status exactly as deadlineStatus judges them", () => {
    const bounds = statusBounds(policy);
    for (let d = -40; d <= 40; d++) {
      const due = new Date(Date.parse(`${TODAY}T00:00:00Z`) + d * 86_400_000)
        .toISOString()
        .slice(0, 10);
      const kind = deadlineStatus(
        {
          kind: "contract",
          due,
          originalDue: due,
          extended: false,
          projected: false,
          capped: false,
          reopened: false,
          metOn: null,
        },
        policy,
      ).kind;
      const bySql =
        due < bounds.overdueBefore ? "overdue" : due <= bounds.atRiskUntil ? "at-risk" : "open";
      expect(bySql, due).toBe(kind);
    }
  });
});

/** Counts the rows every statement hands to JavaScript: the work a page does outside SQLite. */
function countRows(t: TempDatabase): () => number {
  let rows = 0;
  const prepare = t.sqlite.prepare.bind(t.sqlite);
  t.sqlite.prepare = ((source: string) => {
    const statement = prepare(source);
    for (const method of ["all", "get", "iterate"] as const) {
      const original = statement[method].bind(statement) as (...args: unknown[]) => unknown;
      (statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        const result = original(...args);
        if (method === "all") rows += (result as unknown[]).length;
        else if (method === "get") rows += result === undefined ? 0 : 1;
        return result;
      };
    }
    return statement;
  }) as typeof t.sqlite.prepare;
  return () => rows;
}

describe("the lists at scale", () => {
  for (const count of [1_000, 10_000]) {
    it(`read a bounded number of rows with ${count} progetti`, () => {
      temp = createTempDatabase();
      const t = temp;
      insertManyProgetti(t.db, { count, around: TODAY });
      refreshAssessments(t.db);
      const rows = countRows(t);
      const context = { db: t.db, policy, user: ADMIN };

      const dashboard = loadDashboard(context, new URLSearchParams());
      expect(dashboard.mode).toBe("summary");
      if (dashboard.mode !== "summary") return;
      expect(dashboard.summary.total).toBe(count);
      expect(dashboard.urgent).toHaveLength(50);
      const searched = loadDashboard(context, new URLSearchParams("misura=1.2&pagina=3"));
      if (searched.mode !== "summary") throw new Error("summary expected");
      expect(searched.results?.rows).toHaveLength(50);
      expect(searched.results?.page.total).toBe(count / 2);

      const scadenze = loadScadenze(context, new URLSearchParams("pagina=2"));
      expect(scadenze.rows).toHaveLength(50);
      // The same few hundred rows cross into JavaScript at 1,000 or 10,000 progetti.
      expect(rows()).toBeLessThan(2_000);
    });
  }
});
