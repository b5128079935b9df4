/**
 * The Unione comparison: one row per member comune with its 1.4.1 progetto's money,
 * progress and deadlines, plus totals, sorting and filtering. Pure: the model gathers the
 * facts, this module decides what each cell says.
 */
import {
  type Band,
  bandById,
  bandForPopulation,
  decomposeAmount,
  splitAmount,
} from "../../domain/bands";
import type { Readiness } from "../../domain/conformity";
import type { IsoDate } from "../../domain/dates";
import type { DeadlineKind, DeadlineStatus } from "../../domain/deadlines";
import { PHASE_ORDER, type Phase } from "../../domain/phase";
import type { ProgettoAssessment } from "../../domain/progetto";

export interface MemberFacts {
  comuneId: number;
  comune: string;
  population: number | null;
  progetto: {
    id: number;
    cup: string | null;
    band: number | null;
    /** As recorded with the candidatura (or implied by the official amount). */
    servicesCount: number | null;
    /** The decreto's amount when there is one, else the candidatura's. */
    amountCents: number | null;
    decretoNumber: string | null;
    decretoOn: IsoDate | null;
    notifiedOn: IsoDate | null;
    supplier: string | null;
    erogatoCents: number | null;
    asseveratoOn: IsoDate | null;
    erogatoOn: IsoDate | null;
    assessment: ProgettoAssessment;
    /** The conformity checklist's state; null when not started. */
    conformity: Readiness | null;
  } | null;
}

export interface DeadlineCell {
  due: IsoDate;
  status: DeadlineStatus;
  projected: boolean;
}

export interface ComparisonRow {
  comuneId: number;
  comune: string;
  progettoId: number | null;
  cup: string | null;
  band: Band | null;
  amountCents: number;
  siteCents: number;
  servicesCents: number;
  servicesCount: number;
  decretoNumber: string | null;
  decretoOn: IsoDate | null;
  notifiedOn: IsoDate | null;
  supplier: string | null;
  contract: DeadlineCell | null;
  completion: DeadlineCell | null;
  phase: Phase | null;
  /** Days to the next open deadline: negative when it has passed. */
  daysToNext: number | null;
  erogatoCents: number;
  late: boolean;
  conformity: Readiness | null;
}

function cell(a: ProgettoAssessment, kind: DeadlineKind): DeadlineCell | null {
  const deadline = a.deadlines[kind];
  const status = a.statuses[kind];
  if (!deadline || !status) return null;
  return { due: deadline.due, status, projected: deadline.projected };
}

export function comparisonRow(member: MemberFacts): ComparisonRow {
  const p = member.progetto;
  const amountCents = p?.amountCents ?? 0;
  const exact = decomposeAmount(amountCents);
  // The band on record, else the one the amount implies, else the population's.
  const band =
    p?.band != null
      ? bandById(p.band)
      : exact.kind === "exact"
        ? exact.band
        : member.population !== null
          ? bandForPopulation(member.population)
          : null;
  const parts = splitAmount(amountCents, band);
  const site = parts?.siteCents ?? 0;
  const services = parts?.servicesCents ?? amountCents;
  const a = p?.assessment ?? null;
  const contract = a ? cell(a, "contract") : null;
  const completion = a ? cell(a, "completion") : null;
  const late = [contract, completion].some(
    (c) => c !== null && (c.status.kind === "overdue" || c.status.kind === "met-late"),
  );
  const next = a?.next ?? null;
  return {
    comuneId: member.comuneId,
    comune: member.comune,
    progettoId: p?.id ?? null,
    cup: p?.cup ?? null,
    band,
    amountCents,
    siteCents: site,
    servicesCents: services,
    // The services chosen, when recorded one by one; else the number on record.
    servicesCount: a?.services.length ? a.services.length : (p?.servicesCount ?? 0),
    decretoNumber: p?.decretoNumber ?? null,
    decretoOn: p?.decretoOn ?? null,
    notifiedOn: p?.notifiedOn ?? null,
    supplier: p?.supplier ?? null,
    contract,
    completion,
    phase: a?.phase ?? null,
    daysToNext:
      next === null
        ? null
        : next.status.kind === "overdue"
          ? -next.status.daysOverdue
          : "daysLeft" in next.status
            ? next.status.daysLeft
            : null,
    erogatoCents: p?.erogatoCents ?? 0,
    late,
    conformity: p?.conformity ?? null,
  };
}

export interface ComparisonTotals {
  comuni: number;
  amountCents: number;
  siteCents: number;
  servicesCents: number;
  servicesCount: number;
  erogatoCents: number;
  late: number;
}

export function comparisonTotals(rows: readonly ComparisonRow[]): ComparisonTotals {
  return rows.reduce<ComparisonTotals>(
    (t, r) => ({
      comuni: t.comuni + 1,
      amountCents: t.amountCents + r.amountCents,
      siteCents: t.siteCents + r.siteCents,
      servicesCents: t.servicesCents + r.servicesCents,
      servicesCount: t.servicesCount + r.servicesCount,
      erogatoCents: t.erogatoCents + r.erogatoCents,
      late: t.late + (r.late ? 1 : 0),
    }),
    {
      comuni: 0,
      amountCents: 0,
      siteCents: 0,
      servicesCents: 0,
      servicesCount: 0,
      erogatoCents: 0,
      late: 0,
    },
  );
}

export const SORT_KEYS = [
  "comune",
  "fascia",
  "importo",
  "servizi",
  "contratto",
  "completamento",
  "fase",
  "prossima",
  "erogato",
] as const;
export type SortKey = (typeof SORT_KEYS)[number];

const byName = new Intl.Collator("it");

/** Empty values sort last whatever the direction: they are not "small", they are missing. */
function sortValue(row: ComparisonRow, key: SortKey): string | number | null {
  switch (key) {
    case "comune":
      return row.comune;
    case "fascia":
      return row.band?.id ?? null;
    case "importo":
      return row.amountCents;
    case "servizi":
      return row.servicesCount;
    case "contratto":
      return row.contract?.due ?? null;
    case "completamento":
      return row.completion?.due ?? null;
    case "fase":
      return row.phase === null ? null : PHASE_ORDER.indexOf(row.phase);
    case "prossima":
      return row.daysToNext;
    case "erogato":
      return row.erogatoCents;
  }
}

export function sortRows(
  rows: readonly ComparisonRow[],
  key: SortKey,
  direction: "asc" | "desc",
): ComparisonRow[] {
  const sign = direction === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    if (x === null || y === null) {
      if (x === y) return byName.compare(a.comune, b.comune);
      return x === null ? 1 : -1;
    }
    const order = typeof x === "string" ? byName.compare(x, String(y)) : x - Number(y);
    return order !== 0 ? sign * order : byName.compare(a.comune, b.comune);
  });
}

export interface ComparisonFilter {
  phase: Phase | null;
  onlyLate: boolean;
}

export function filterRows(
  rows: readonly ComparisonRow[],
  filter: ComparisonFilter,
): ComparisonRow[] {
  return rows.filter(
    (r) => (filter.phase === null || r.phase === filter.phase) && (!filter.onlyLate || r.late),
  );
}

/** How many comuni stand at each phase, in the order of progress (a funnel). */
export function phaseFunnel(rows: readonly ComparisonRow[]): { phase: Phase; count: number }[] {
  return PHASE_ORDER.map((phase) => ({
    phase,
    count: rows.filter((r) => r.phase === phase).length,
  }));
}

export interface ComparisonQuery extends ComparisonFilter {
  sort: SortKey;
  direction: "asc" | "desc";
}

/** Sorting and filters from the query string; unknown values fall back to the defaults. */
export function readComparisonQuery(params: URLSearchParams): ComparisonQuery {
  const sort = params.get("ordina");
  const phase = params.get("fase");
  return {
    sort: (SORT_KEYS as readonly string[]).includes(sort ?? "") ? (sort as SortKey) : "comune",
    direction: params.get("verso") === "desc" ? "desc" : "asc",
    phase: (PHASE_ORDER as readonly string[]).includes(phase ?? "") ? (phase as Phase) : null,
    onlyLate: params.get("ritardo") === "1",
  };
}
