/**
 * What the Unione page compares: its member comuni, each one's 1.4.1 progetto, and all
 * their grants by measure, in a fixed number of queries whatever the number of members
 * (members, then the read model once for every measure).
 */
import { and, asc, count, eq } from "drizzle-orm";
import type { Db } from "../../../db/connection";
import { comune, progetto, unione } from "../../../db/schema";
import { checklistItems, readiness } from "../../domain/conformity";
import type { Policy } from "../../domain/policy";
import { type AssessedProgetto, loadAssessedProgetti } from "../../models/progetti.server";
import { statusesByProgetto } from "../conformity/conformity.server";
import { portfolioGrant } from "../portfolio/portfolio";
import { grantFactsOf } from "../portfolio/portfolio.server";
import {
  comparisonRow,
  comparisonTotals,
  filterRows,
  type MemberFacts,
  phaseFunnel,
  readComparisonQuery,
  sortRows,
} from "./unione-comparison";
import { laneChart } from "./unione-lanes";
import { sampleChecksAcross, unioneMatrix, upkeepAcross } from "./unione-matrix";

type Member = { id: number; name: string; population: number | null };

/** The members and the progetti they hold themselves (not their schools'), of every measure. */
function loadMembersAndGrants(db: Db, unioneId: number, policy: Policy) {
  const members: Member[] = db
    .select({ id: comune.id, name: comune.name, population: comune.population })
    .from(comune)
    .where(eq(comune.unioneId, unioneId))
    .orderBy(asc(comune.name))
    .all();
  const progetti =
    members.length === 0
      ? []
      : loadAssessedProgetti(
          db,
          policy,
          and(eq(comune.unioneId, unioneId), eq(progetto.beneficiaryKind, "comune")),
        );
  return { members, progetti };
}

/** Each member with its 1.4.1 progetto, for the first comparison. */
function memberFacts(
  db: Db,
  members: readonly Member[],
  all: readonly AssessedProgetto[],
): MemberFacts[] {
  if (members.length === 0) return [];
  const progetti = all.filter((p) => p.progetto.misura === "1.4.1");
  const conformity = statusesByProgetto(
    db,
    progetti.map((p) => p.progetto.id),
  );
  // One row per comune: its progetto not renounced, else its first.
  const byComune = new Map<number, AssessedProgetto>();
  for (const p of [...progetti].sort((a, b) => a.progetto.id - b.progetto.id)) {
    const known = byComune.get(p.comune.id);
    if (!known || (known.progetto.officialState === "R" && p.progetto.officialState !== "R"))
      byComune.set(p.comune.id, p);
  }
  return members.map((m) => {
    const found = byComune.get(m.id);
    if (!found) return { comuneId: m.id, comune: m.name, population: m.population, progetto: null };
    const { progetto: p, decreto: d, eventi, determine, assessment, amountCents } = found;
    const last = (kind: string) => eventi.filter((e) => e.kind === kind).at(-1) ?? null;
    const erogazione = last("erogazione");
    const asseverazione = eventi.filter(
      (e) => e.kind === "asseverazione" && e.outcome === "positiva",
    );
    return {
      comuneId: m.id,
      comune: m.name,
      population: m.population,
      progetto: {
        id: p.id,
        cup: p.cup,
        band: p.band,
        servicesCount: p.servicesCount,
        amountCents,
        decretoNumber: d?.number ?? null,
        decretoOn: d?.decreeOn ?? null,
        notifiedOn: d?.notifiedOn ?? null,
        supplier: determine[0]?.supplierName ?? null,
        erogatoCents:
          assessment.phase === "erogato"
            ? (erogazione?.amountCents ?? p.officialAmountCents ?? amountCents)
            : null,
        asseveratoOn: asseverazione.at(-1)?.occurredOn ?? null,
        erogatoOn: erogazione?.occurredOn ?? (p.officialState === "E" ? p.officialStateOn : null),
        assessment,
        conformity: conformity.has(p.id)
          ? readiness(checklistItems(assessment.services), conformity.get(p.id) ?? new Map())
          : null,
      },
    };
  });
}

export function loadUnioneMembers(db: Db, unioneId: number, policy: Policy): MemberFacts[] {
  const { members, progetti } = loadMembersAndGrants(db, unioneId, policy);
  return memberFacts(db, members, progetti);
}

/** The Unione, its comparison rows and totals, and every member's grants, as of today. */
export function loadUnioneComparison(db: Db, unioneId: number, policy: Policy) {
  const found = db.select().from(unione).where(eq(unione.id, unioneId)).get();
  if (!found) return null;
  const { members: comuni, progetti } = loadMembersAndGrants(db, unioneId, policy);
  const members = memberFacts(db, comuni, progetti);
  const rows = members.map(comparisonRow);
  const grants = progetti.map((p) => portfolioGrant(grantFactsOf(p)));
  return { unione: found, members, rows, totals: comparisonTotals(rows), grants };
}

export function listUnioni(db: Db) {
  return db
    .select({ id: unione.id, name: unione.name, members: count(comune.id) })
    .from(unione)
    .leftJoin(comune, eq(comune.unioneId, unione.id))
    .groupBy(unione.id)
    .orderBy(asc(unione.name))
    .all();
}

/** Everything the Unione page shows: the comparison sorted and filtered as asked. */
export function loadUnionePage(db: Db, unioneId: number, policy: Policy, params: URLSearchParams) {
  const { today } = policy;
  const found = loadUnioneComparison(db, unioneId, policy);
  if (!found) return null;
  const query = readComparisonQuery(params);
  const rows = sortRows(filterRows(found.rows, query), query.sort, query.direction);
  const order = new Map(rows.map((r, i) => [r.comuneId, i]));
  const shownMembers = found.members
    .filter((m) => order.has(m.comuneId))
    .sort((a, b) => (order.get(a.comuneId) ?? 0) - (order.get(b.comuneId) ?? 0));
  return {
    today,
    unione: { id: found.unione.id, name: found.unione.name, fictional: found.unione.fictional },
    query,
    rows,
    totals: comparisonTotals(rows),
    allTotals: found.totals,
    funnel: phaseFunnel(found.rows),
    lanes: laneChart(shownMembers, today),
    members: found.rows.map((r) => ({ id: r.comuneId, name: r.comune })),
    // The second comparison, by measure, always shows every member: filters are the first's.
    matrix: unioneMatrix(
      found.rows.map((r) => ({ comuneId: r.comuneId, comune: r.comune })),
      found.grants,
    ),
    upkeep: upkeepAcross(found.grants),
    sampleChecks: sampleChecksAcross(found.grants),
  };
}
