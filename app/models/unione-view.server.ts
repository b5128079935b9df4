/**
 * What the Unione page compares: its member comuni and each one's 1.4.1 progetto, in a
 * fixed number of queries whatever the number of members (members, progetti, and the five
 * step tables of loadRelated).
 */
import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/connection";
import { comune, decreto, progetto, unione } from "../../db/schema";
import { checklistItems, readiness } from "../domain/conformity";
import type { IsoDate } from "../domain/dates";
import { assessProgetto } from "../domain/progetto";
import {
  comparisonRow,
  comparisonTotals,
  filterRows,
  type MemberFacts,
  phaseFunnel,
  readComparisonQuery,
  sortRows,
} from "../domain/unione-comparison";
import { laneChart } from "../domain/unione-lanes";
import { statusesByProgetto } from "./conformita.server";
import { factsOf, loadRelated } from "./progetti.server";

export function loadUnioneMembers(
  db: Db,
  unioneId: number,
  today: IsoDate,
  atRiskDays: number,
): MemberFacts[] {
  const members = db
    .select({ id: comune.id, name: comune.name, population: comune.population })
    .from(comune)
    .where(eq(comune.unioneId, unioneId))
    .orderBy(asc(comune.name))
    .all();
  if (members.length === 0) return [];
  const progetti = db
    .select({
      id: progetto.id,
      comuneId: progetto.comuneId,
      cup: progetto.cup,
      band: progetto.band,
      servicesCount: progetto.servicesCount,
      amountRequestedCents: progetto.amountRequestedCents,
      officialState: progetto.officialState,
      officialStateOn: progetto.officialStateOn,
      officialAmountCents: progetto.officialAmountCents,
      hasDecreto: decreto.id,
      decretoNumber: decreto.number,
      decreeOn: decreto.decreeOn,
      notifiedOn: decreto.notifiedOn,
      decretoAmountCents: decreto.amountCents,
    })
    .from(progetto)
    .leftJoin(decreto, eq(decreto.progettoId, progetto.id))
    .where(
      and(
        inArray(
          progetto.comuneId,
          members.map((m) => m.id),
        ),
        eq(progetto.misura, "1.4.1"),
        eq(progetto.beneficiaryKind, "comune"),
      ),
    )
    .orderBy(asc(progetto.id))
    .all();
  const related = loadRelated(
    db,
    progetti.map((p) => p.id),
  );
  const conformity = statusesByProgetto(
    db,
    progetti.map((p) => p.id),
  );
  // One row per comune: its progetto not renounced, else its first.
  const byComune = new Map<number, (typeof progetti)[number]>();
  for (const p of progetti) {
    const known = byComune.get(p.comuneId);
    if (!known || (known.officialState === "R" && p.officialState !== "R"))
      byComune.set(p.comuneId, p);
  }
  return members.map((m) => {
    const p = byComune.get(m.id);
    if (!p) return { comuneId: m.id, comune: m.name, population: m.population, progetto: null };
    const eventi = related.eventi.get(p.id) ?? [];
    const last = (kind: string) => eventi.filter((e) => e.kind === kind).at(-1) ?? null;
    const erogazione = last("erogazione");
    const asseverazione = eventi.filter(
      (e) => e.kind === "asseverazione" && e.outcome === "positiva",
    );
    const determine = related.determine.get(p.id) ?? [];
    const assessment = assessProgetto(
      factsOf({ ...p, population: m.population }, related),
      today,
      atRiskDays,
    );
    const amountCents = p.decretoAmountCents ?? p.amountRequestedCents;
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
        decretoNumber: p.decretoNumber,
        decretoOn: p.decreeOn,
        notifiedOn: p.notifiedOn,
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

/** The Unione, its comparison rows and totals, as of today. */
export function loadUnioneComparison(db: Db, unioneId: number, today: IsoDate, atRiskDays: number) {
  const found = db.select().from(unione).where(eq(unione.id, unioneId)).get();
  if (!found) return null;
  const members = loadUnioneMembers(db, unioneId, today, atRiskDays);
  const rows = members.map((m) => comparisonRow(m, today, atRiskDays));
  return { unione: found, members, rows, totals: comparisonTotals(rows) };
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
export function loadUnionePage(
  db: Db,
  unioneId: number,
  today: IsoDate,
  atRiskDays: number,
  params: URLSearchParams,
) {
  const found = loadUnioneComparison(db, unioneId, today, atRiskDays);
  if (!found) return null;
  const query = readComparisonQuery(params);
  const rows = sortRows(filterRows(found.rows, query), query.sort, query.direction);
  const order = new Map(rows.map((r, i) => [r.comuneId, i]));
  const shownMembers = found.members
    .filter((m) => order.has(m.comuneId))
    .sort((a, b) => (order.get(a.comuneId) ?? 0) - (order.get(b.comuneId) ?? 0));
  return {
    today,
    unione: { id: found.unione.id, name: found.unione.name },
    query,
    rows,
    totals: comparisonTotals(rows),
    allTotals: found.totals,
    funnel: phaseFunnel(found.rows),
    lanes: laneChart(shownMembers, today),
    members: found.rows.map((r) => ({ id: r.comuneId, name: r.comune })),
  };
}
