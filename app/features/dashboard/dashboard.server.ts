/**
 * The signed-in home page. A scope of a few comuni sees every progetto; a larger one opens
 * on a summary computed in SQL from the stored assessments (decision 007) — counts by phase,
 * by official state and by next deadline, the 50 most urgent — and a paginated search by
 * comune, CUP and measure. Only the rows shown are assessed through the read model.
 */
import { and, asc, count, eq, inArray, isNotNull, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../db/connection";
import { comune, evento, progetto, progettoAssessment } from "../../../db/schema";
import type { SessionUser } from "../../auth/access";
import { statusBounds } from "../../domain/deadlines";
import { type GrantTotals, grantTotals, withdrawalOf } from "../../domain/grant-totals";
import { MISURE } from "../../domain/measures";
import type { Phase } from "../../domain/phase";
import type { Policy } from "../../domain/policy";
import type { OfficialState } from "../../domain/vocabulary";
import { PAGE_SIZE, type Page, pageOf } from "../../forms/paging";
import { refreshAssessments } from "../../models/assessment-index.server";
import { visibleComuni } from "../../models/comuni.server";
import {
  loadAssessedProgetti,
  type ProgettoSummary,
  summarize,
} from "../../models/progetti.server";

/** Up to this many progetti the home page lists them all, as it always did. */
export const FULL_LIST_LIMIT = 200;
export const URGENT_COUNT = 50;

export interface DashboardSearch {
  comune: string;
  cup: string;
  misura: string;
}

export interface DashboardSummary {
  total: number;
  /** The money granted, renounced and revoked grants left out (grant-totals.ts). */
  totals: GrantTotals;
  byPhase: Partial<Record<Phase, number>>;
  byOfficialState: Partial<Record<OfficialState | "none", number>>;
  byNextDeadline: { overdue: number; atRisk: number; open: number; none: number };
}

export type Dashboard =
  | { mode: "all"; today: string; progetti: ProgettoSummary[]; totals: GrantTotals }
  | {
      mode: "summary";
      today: string;
      summary: DashboardSummary;
      urgent: ProgettoSummary[];
      search: DashboardSearch;
      misure: string[];
      results: { rows: ProgettoSummary[]; page: Page } | null;
    };

const text = (params: URLSearchParams, name: string, max: number) =>
  (params.get(name) ?? "").trim().slice(0, max);

export function loadDashboard(
  { db, policy, user }: { db: Db; policy: Policy; user: SessionUser },
  params: URLSearchParams,
): Dashboard {
  const scope = visibleComuni(user);
  const total =
    (scope === undefined
      ? db.select({ n: count() }).from(progetto)
      : db
          .select({ n: count() })
          .from(progetto)
          .innerJoin(comune, eq(comune.id, progetto.comuneId))
          .where(scope)
    ).get()?.n ?? 0;
  if (total <= FULL_LIST_LIMIT) {
    const progetti = loadAssessedProgetti(db, policy, scope).map(summarize);
    return { mode: "all", today: policy.today, progetti, totals: totalsOf(progetti) };
  }

  refreshAssessments(db);
  const search: DashboardSearch = {
    comune: text(params, "comune", 80),
    cup: text(params, "cup", 15).toUpperCase(),
    misura: text(params, "misura", 20),
  };
  const searching = Boolean(search.comune || search.cup || search.misura);
  return {
    mode: "summary",
    today: policy.today,
    summary: summaryOf(db, policy, scope, total),
    urgent: mostUrgent(db, policy, scope),
    search,
    misure: MISURE.map((m) => m.code),
    results: searching ? searchProgetti(db, policy, scope, search, params) : null,
  };
}

const withdrawalOfSummary = (p: ProgettoSummary) =>
  withdrawalOf(p.assessment.phase, p.assessment.closure.state);

function totalsOf(progetti: readonly ProgettoSummary[]): GrantTotals {
  return grantTotals(progetti.map((p) => ({ ...p, withdrawal: withdrawalOfSummary(p) })));
}

/**
 * The counts in one pass over the stored assessments: by phase and official state, with the
 * amounts and the next deadlines' statuses. An administrator's scope needs no join.
 */
function summaryOf(
  db: Db,
  policy: Policy,
  scope: SQL | undefined,
  total: number,
): DashboardSummary {
  const { overdueBefore, atRiskUntil } = statusBounds(policy);
  const pa = progettoAssessment;
  const due = pa.nextDue;
  const columns = {
    phase: pa.phase,
    officialState: pa.officialState,
    n: count(),
    amountCents: sql<number>`coalesce(sum(${pa.amountCents}), 0)`,
    overdue: sql<number>`coalesce(sum(${due} < ${overdueBefore}), 0)`,
    atRisk: sql<number>`coalesce(sum(${due} >= ${overdueBefore} and ${due} <= ${atRiskUntil}), 0)`,
    open: sql<number>`coalesce(sum(${due} > ${atRiskUntil}), 0)`,
    // The stored phase shows a renounce, not a revoca after payment (a failed sample check):
    // the few progetti with a negative outcome are assessed one by one for the money total.
    judged:
      sql<number>`exists (select 1 from "evento" "e" where "e"."progetto_id" = "progetto_assessment"."progetto_id" and "e"."outcome" = 'negativa')`.mapWith(
        Number,
      ),
  };
  const groups = (
    scope === undefined
      ? db.select(columns).from(pa)
      : db
          .select(columns)
          .from(pa)
          .innerJoin(progetto, eq(progetto.id, pa.progettoId))
          .innerJoin(comune, eq(comune.id, progetto.comuneId))
          .where(scope)
  )
    .groupBy(pa.phase, pa.officialState, columns.judged)
    .all();
  const judgedIds = (
    scope === undefined
      ? db.selectDistinct({ id: evento.progettoId }).from(evento)
      : db
          .selectDistinct({ id: evento.progettoId })
          .from(evento)
          .innerJoin(progetto, eq(progetto.id, evento.progettoId))
          .innerJoin(comune, eq(comune.id, progetto.comuneId))
  )
    .where(and(eq(evento.outcome, "negativa"), scope))
    .all()
    .map((r) => r.id);
  const summary: DashboardSummary = {
    total,
    totals: grantTotals([
      ...groups
        .filter((g) => !g.judged)
        .map((g) => ({
          amountCents: g.amountCents,
          count: g.n,
          withdrawal: withdrawalOf(g.phase as Phase, null),
        })),
      ...assessedInOrder(db, policy, judgedIds).map((p) => ({
        amountCents: p.amountCents,
        withdrawal: withdrawalOfSummary(p),
      })),
    ]),
    byPhase: {},
    byOfficialState: {},
    byNextDeadline: { overdue: 0, atRisk: 0, open: 0, none: total },
  };
  for (const g of groups) {
    const phase = g.phase as Phase;
    const state = g.officialState ?? "none";
    summary.byPhase[phase] = (summary.byPhase[phase] ?? 0) + g.n;
    summary.byOfficialState[state] = (summary.byOfficialState[state] ?? 0) + g.n;
    summary.byNextDeadline.overdue += g.overdue;
    summary.byNextDeadline.atRisk += g.atRisk;
    summary.byNextDeadline.open += g.open;
    summary.byNextDeadline.none -= g.overdue + g.atRisk + g.open;
  }
  return summary;
}

/** Assesses the given progetti through the read model, in the order of `ids`. */
export function assessedInOrder(db: Db, policy: Policy, ids: readonly number[]) {
  if (ids.length === 0) return [];
  const byId = new Map(
    loadAssessedProgetti(db, policy, inArray(progetto.id, [...ids])).map((a) => [
      a.progetto.id,
      summarize(a),
    ]),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

function mostUrgent(db: Db, policy: Policy, scope: SQL | undefined): ProgettoSummary[] {
  const ids = db
    .select({ id: progetto.id })
    .from(progettoAssessment)
    .innerJoin(progetto, eq(progetto.id, progettoAssessment.progettoId))
    .innerJoin(comune, eq(comune.id, progetto.comuneId))
    .where(and(isNotNull(progettoAssessment.nextDue), scope))
    // The index on next_due holds the progetto id too: walked in order, no sort.
    .orderBy(asc(progettoAssessment.nextDue), asc(progettoAssessment.progettoId))
    .limit(URGENT_COUNT)
    .all()
    .map((r) => r.id);
  return assessedInOrder(db, policy, ids);
}

/** LIKE with the user's text taken literally. */
const contains = (column: typeof comune.name, value: string) =>
  sql`${column} like ${`%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`;

function searchProgetti(
  db: Db,
  policy: Policy,
  scope: SQL | undefined,
  search: DashboardSearch,
  params: URLSearchParams,
) {
  const where = and(
    scope,
    search.comune ? contains(comune.name, search.comune) : undefined,
    search.cup ? sql`${progetto.cup} like ${`${search.cup.replace(/[\\%_]/g, "")}%`}` : undefined,
    search.misura ? eq(progetto.misura, search.misura) : undefined,
  );
  const total =
    db
      .select({ n: count() })
      .from(progetto)
      .innerJoin(comune, eq(comune.id, progetto.comuneId))
      .where(where)
      .get()?.n ?? 0;
  const page = pageOf(params, total, PAGE_SIZE);
  const ids = db
    .select({ id: progetto.id })
    .from(progetto)
    .innerJoin(comune, eq(comune.id, progetto.comuneId))
    .where(where)
    .orderBy(asc(comune.name), asc(comune.id), asc(progetto.misura), asc(progetto.id))
    .limit(page.size)
    .offset(page.offset)
    .all()
    .map((r) => r.id);
  return { rows: assessedInOrder(db, policy, ids), page };
}
