/**
 * The signed-in home page. A scope of a few comuni sees every progetto; a larger one opens
 * on a summary computed in SQL from the stored assessments (decision 007) — counts by phase,
 * by official state and by next deadline, the 50 most urgent — and a paginated search by
 * comune, CUP and measure. Only the rows shown are assessed through the read model.
 */
import { and, asc, count, eq, inArray, isNotNull, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../db/connection";
import { comune, decreto, progetto, progettoAssessment } from "../../../db/schema";
import type { SessionUser } from "../../auth/access";
import { statusBounds } from "../../domain/deadlines";
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
  amountCents: number;
  byPhase: Partial<Record<Phase, number>>;
  byOfficialState: Partial<Record<OfficialState | "none", number>>;
  byNextDeadline: { overdue: number; atRisk: number; open: number; none: number };
}

export type Dashboard =
  | { mode: "all"; today: string; progetti: ProgettoSummary[] }
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
    db
      .select({ n: count() })
      .from(progetto)
      .innerJoin(comune, eq(comune.id, progetto.comuneId))
      .where(scope)
      .get()?.n ?? 0;
  if (total <= FULL_LIST_LIMIT)
    return {
      mode: "all",
      today: policy.today,
      progetti: loadAssessedProgetti(db, policy, scope).map(summarize),
    };

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
    misure: db
      .selectDistinct({ misura: progetto.misura })
      .from(progetto)
      .orderBy(asc(progetto.misura))
      .all()
      .map((r) => r.misura),
    results: searching ? searchProgetti(db, policy, scope, search, params) : null,
  };
}

function summaryOf(
  db: Db,
  policy: Policy,
  scope: SQL | undefined,
  total: number,
): DashboardSummary {
  const { overdueBefore, atRiskUntil } = statusBounds(policy);
  const due = progettoAssessment.nextDue;
  const totals = db
    .select({
      amountCents: sql<number>`coalesce(sum(coalesce(${decreto.amountCents}, ${progetto.officialAmountCents}, ${progetto.amountRequestedCents})), 0)`,
      overdue: sql<number>`coalesce(sum(${due} < ${overdueBefore}), 0)`,
      atRisk: sql<number>`coalesce(sum(${due} >= ${overdueBefore} and ${due} <= ${atRiskUntil}), 0)`,
      open: sql<number>`coalesce(sum(${due} > ${atRiskUntil}), 0)`,
    })
    .from(progetto)
    .innerJoin(comune, eq(comune.id, progetto.comuneId))
    .innerJoin(progettoAssessment, eq(progettoAssessment.progettoId, progetto.id))
    .leftJoin(decreto, eq(decreto.progettoId, progetto.id))
    .where(scope)
    .get() ?? { amountCents: 0, overdue: 0, atRisk: 0, open: 0 };
  const grouped = (column: typeof progettoAssessment.phase | typeof progetto.officialState) =>
    db
      .select({ key: sql<string | null>`${column}`, n: count() })
      .from(progetto)
      .innerJoin(comune, eq(comune.id, progetto.comuneId))
      .innerJoin(progettoAssessment, eq(progettoAssessment.progettoId, progetto.id))
      .where(scope)
      .groupBy(column)
      .all();
  const byPhase = Object.fromEntries(
    grouped(progettoAssessment.phase).map((r) => [r.key, r.n]),
  ) as DashboardSummary["byPhase"];
  const byOfficialState = Object.fromEntries(
    grouped(progetto.officialState).map((r) => [r.key ?? "none", r.n]),
  ) as DashboardSummary["byOfficialState"];
  const withDeadline = totals.overdue + totals.atRisk + totals.open;
  return {
    total,
    amountCents: totals.amountCents,
    byPhase,
    byOfficialState,
    byNextDeadline: {
      overdue: totals.overdue,
      atRisk: totals.atRisk,
      open: totals.open,
      none: total - withDeadline,
    },
  };
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
    .orderBy(asc(progettoAssessment.nextDue), asc(comune.name), asc(progetto.id))
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
    .orderBy(asc(comune.name), asc(progetto.misura), asc(progetto.id))
    .limit(page.size)
    .offset(page.offset)
    .all()
    .map((r) => r.id);
  return { rows: assessedInOrder(db, policy, ids), page };
}
