import { and, asc, count, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../../../db/connection";
import { comune, progetto, progettoAssessment, unione } from "../../../db/schema";
import type { SessionUser } from "../../auth/access";
import { statusBounds } from "../../domain/deadlines";
import type { Policy } from "../../domain/policy";
import { type Page, pageOf } from "../../forms/paging";
import { refreshAssessments } from "../../models/assessment-index.server";
import { visibleComuni } from "../../models/comuni.server";
import { loadAssessedProgetti, summarize } from "../../models/progetti.server";
import {
  type ListedKind,
  type OpenDeadline,
  openDeadlines,
  type ScadenzeFilter,
  type StatusFilter,
} from "./open-deadlines";

const STATUSES: readonly StatusFilter[] = ["all", "overdue", "at-risk", "open"];
/** Above this many comuni in the scope, the Comune filter lists those of the chosen Unione. */
export const COMUNI_OPTIONS_LIMIT = 300;

type Context = { db: Db; policy: Policy; user: SessionUser };

export function scadenzeFilter(params: URLSearchParams): ScadenzeFilter {
  const id = (name: string) => {
    const value = Number(params.get(name));
    return Number.isSafeInteger(value) && value > 0 ? value : null;
  };
  const status = STATUSES.find((s) => s === params.get("stato")) ?? "all";
  return { unioneId: id("unione"), comuneId: id("comune"), status };
}

/**
 * The open deadlines a user may see, one row per progetto and deadline, selected in SQL on
 * the stored assessments (decision 007). Each branch walks its due-date index, which holds
 * the progetto id too, so "soonest first, then by progetto" needs no sort: SQLite merges
 * the two ordered branches and stops at the page.
 */
function openDeadlineBranches(db: Db, policy: Policy, user: SessionUser, filter: ScadenzeFilter) {
  const { overdueBefore, atRiskUntil } = statusBounds(policy);
  const where = and(
    visibleComuni(user),
    filter.unioneId === null ? undefined : eq(comune.unioneId, filter.unioneId),
    filter.comuneId === null ? undefined : eq(comune.id, filter.comuneId),
  );
  const branch = (
    kind: ListedKind,
    due:
      | typeof progettoAssessment.contractDue
      | typeof progettoAssessment.completionDue
      | typeof progettoAssessment.integrationDue,
  ) => {
    const status =
      filter.status === "overdue"
        ? sql`${due} < ${overdueBefore}`
        : filter.status === "at-risk"
          ? sql`${due} >= ${overdueBefore} and ${due} <= ${atRiskUntil}`
          : filter.status === "open"
            ? sql`${due} > ${atRiskUntil}`
            : undefined;
    const columns = {
      progettoId: progettoAssessment.progettoId,
      kind: sql<ListedKind>`${kind}`.as("kind"),
      due: sql<string>`${due}`.as("due"),
    };
    const condition = and(isNotNull(due), status, where);
    // An administrator without filters needs no join at all.
    return where === undefined
      ? db.select(columns).from(progettoAssessment).where(condition)
      : db
          .select(columns)
          .from(progettoAssessment)
          .innerJoin(progetto, eq(progetto.id, progettoAssessment.progettoId))
          .innerJoin(comune, eq(comune.id, progetto.comuneId))
          .where(condition);
  };
  return [
    branch("contract", progettoAssessment.contractDue),
    branch("completion", progettoAssessment.completionDue),
    branch("integration", progettoAssessment.integrationDue),
  ] as const;
}

function countOpenDeadlines(db: Db, policy: Policy, user: SessionUser, filter: ScadenzeFilter) {
  return openDeadlineBranches(db, policy, user, filter)
    .map((b) => {
      const rows = b.as("branch");
      return db.select({ n: count() }).from(rows).get()?.n ?? 0;
    })
    .reduce((a, b) => a + b, 0);
}

/** The rows of some (progetto, deadline) keys, assessed through the read model, in order. */
function assessKeys(
  db: Db,
  policy: Policy,
  filter: ScadenzeFilter,
  keys: readonly { progettoId: number; kind: string }[],
): OpenDeadline[] {
  if (keys.length === 0) return [];
  const ids = [...new Set(keys.map((k) => k.progettoId))];
  const progetti = loadAssessedProgetti(db, policy, inArray(progetto.id, ids)).map(summarize);
  const rows = new Map(
    openDeadlines(progetti, filter).map((r) => [`${r.progettoId}-${r.deadline.kind}`, r]),
  );
  return keys.flatMap((k) => rows.get(`${k.progettoId}-${k.kind}`) ?? []);
}

function orderedKeys(db: Db, policy: Policy, user: SessionUser, filter: ScadenzeFilter) {
  const [contract, completion, integration] = openDeadlineBranches(db, policy, user, filter);
  return contract
    .unionAll(completion)
    .unionAll(integration)
    .orderBy(sql`due`, sql`progetto_id`, sql`kind`)
    .$dynamic();
}

/** One page of the open deadlines, the filters' choices and the page's place in the list. */
export function loadScadenze({ db, policy, user }: Context, params: URLSearchParams) {
  refreshAssessments(db);
  const filter = scadenzeFilter(params);
  const total = countOpenDeadlines(db, policy, user, filter);
  const page: Page = pageOf(params, total);
  const keys = orderedKeys(db, policy, user, filter).limit(page.size).offset(page.offset).all();

  const scope = visibleComuni(user);
  const unioni = db
    .selectDistinct({ value: unione.id, label: unione.name })
    .from(comune)
    .innerJoin(unione, eq(unione.id, comune.unioneId))
    .where(scope)
    .orderBy(asc(unione.name))
    .all();
  const comuniInScope = db.select({ n: count() }).from(comune).where(scope).get()?.n ?? 0;
  // A national scope has thousands of comuni: list those of the chosen Unione only.
  const comuniWhere =
    comuniInScope <= COMUNI_OPTIONS_LIMIT
      ? scope
      : filter.unioneId !== null
        ? and(scope, eq(comune.unioneId, filter.unioneId))
        : null;
  const comuni =
    comuniWhere === null
      ? null
      : db
          .select({ value: comune.id, label: comune.name })
          .from(comune)
          .where(
            and(
              comuniWhere,
              sql`exists (select 1 from ${progetto} where ${progetto.comuneId} = ${comune.id})`,
            ),
          )
          .orderBy(asc(comune.name), asc(comune.id))
          .limit(COMUNI_OPTIONS_LIMIT)
          .all();
  return {
    today: policy.today,
    filter,
    page,
    rows: assessKeys(db, policy, filter, keys),
    unioni,
    comuni,
  };
}

/**
 * Every open deadline of the filters, a chunk at a time, for the CSV export: memory and
 * each step's work stay bounded however long the list.
 */
export function* scadenzeChunks(
  { db, policy, user }: Context,
  params: URLSearchParams,
  size = 1000,
) {
  refreshAssessments(db);
  const filter = scadenzeFilter(params);
  for (let offset = 0; ; offset += size) {
    const keys = orderedKeys(db, policy, user, filter).limit(size).offset(offset).all();
    if (keys.length === 0) return;
    yield assessKeys(db, policy, filter, keys);
    if (keys.length < size) return;
  }
}
