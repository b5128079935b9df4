/**
 * The national picture of the imported open data, from grouped rows: totals by state, by
 * region (or province), by comune, the 1.4.1 band × services distribution, and payments
 * month by month. Pure: the model runs the grouped queries, this module adds them up.
 */
import { BANDS } from "../../domain/bands";
import { formatMonth } from "../../domain/format";

export type OfficialState = "A" | "E" | "R";

export const STATE_LABELS: Record<OfficialState, string> = {
  A: "Assegnato",
  E: "Erogato",
  R: "Rinunciato",
};

/** One group of a grouped query: progetti of one area (or comune) in one state. */
export interface StateGroup<K> {
  key: K;
  state: OfficialState;
  count: number;
  amountCents: number;
}

export interface Tally {
  count: number;
  amountCents: number;
}

export interface StateTotals {
  byState: Record<OfficialState, Tally>;
  total: Tally;
}

const emptyTally = (): Tally => ({ count: 0, amountCents: 0 });

export function emptyTotals(): StateTotals {
  return { byState: { A: emptyTally(), E: emptyTally(), R: emptyTally() }, total: emptyTally() };
}

function add(totals: StateTotals, group: StateGroup<unknown>): void {
  const tally = totals.byState[group.state];
  if (!tally) return;
  tally.count += group.count;
  tally.amountCents += group.amountCents;
  totals.total.count += group.count;
  totals.total.amountCents += group.amountCents;
}

/**
 * Share paid among progetti not renounced, by number and by amount, in percent with one
 * decimal; null when there is nothing financed.
 */
export function paidShare(totals: StateTotals): { byCount: number; byAmount: number } | null {
  const { A, E } = totals.byState;
  const count = A.count + E.count;
  const amount = A.amountCents + E.amountCents;
  if (count === 0) return null;
  const percent = (part: number, whole: number) =>
    whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
  return { byCount: percent(E.count, count), byAmount: percent(E.amountCents, amount) };
}

/** Adds up groups overall and per key, keys in first-seen order. */
export function tallyByKey<K>(groups: readonly StateGroup<K>[]): {
  totals: StateTotals;
  byKey: { key: K; totals: StateTotals }[];
} {
  const totals = emptyTotals();
  const byKey = new Map<K, StateTotals>();
  for (const group of groups) {
    add(totals, group);
    let keyTotals = byKey.get(group.key);
    if (!keyTotals) {
      keyTotals = emptyTotals();
      byKey.set(group.key, keyTotals);
    }
    add(keyTotals, group);
  }
  return { totals, byKey: [...byKey].map(([key, t]) => ({ key, totals: t })) };
}

export interface BandServicesGroup {
  band: number;
  services: number;
  count: number;
}

export interface BandRow {
  band: number;
  label: string;
  /** Comuni by number of services, index = services. */
  byServices: number[];
  total: number;
}

/** Comuni of 1.4.1 by population band (rows) and number of services (columns). */
export function bandServicesMatrix(groups: readonly BandServicesGroup[]): {
  rows: BandRow[];
  maxServices: number;
  byServices: number[];
} {
  const maxServices = Math.max(...BANDS.map((b) => b.maxServices));
  const rows = BANDS.map((band) => ({
    band: band.id,
    label: band.label,
    byServices: new Array<number>(maxServices + 1).fill(0),
    total: 0,
  }));
  const byServices = new Array<number>(maxServices + 1).fill(0);
  for (const g of groups) {
    const row = rows.find((r) => r.band === g.band);
    if (!row || g.services < 0 || g.services > maxServices) continue;
    row.byServices[g.services] = (row.byServices[g.services] ?? 0) + g.count;
    row.total += g.count;
    byServices[g.services] = (byServices[g.services] ?? 0) + g.count;
  }
  return { rows, maxServices, byServices };
}

export interface MonthGroup {
  /** "2024-03" */
  month: string;
  count: number;
  amountCents: number;
}

export interface MonthPoint extends MonthGroup {
  cumulativeCents: number;
}

/** Payments month by month from the first to the last, months without any filled with 0. */
export function paymentsByMonth(groups: readonly MonthGroup[]): MonthPoint[] {
  const known = new Map(groups.map((g) => [g.month, g]));
  const months = [...known.keys()].filter((m) => /^\d{4}-\d{2}$/.test(m)).sort();
  const first = months[0];
  const last = months[months.length - 1];
  if (!first || !last) return [];
  const points: MonthPoint[] = [];
  let [year, month] = first.split("-").map(Number) as [number, number];
  let cumulativeCents = 0;
  for (;;) {
    const key = `${year}-${String(month).padStart(2, "0")}`;
    const group = known.get(key);
    cumulativeCents += group?.amountCents ?? 0;
    points.push({
      month: key,
      count: group?.count ?? 0,
      amountCents: group?.amountCents ?? 0,
      cumulativeCents,
    });
    if (key === last) return points;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

/** "2024-03" → "mar 2024" */
export function monthLabel(month: string): string {
  return formatMonth(Number(month.slice(5, 7)) - 1, Number(month.slice(0, 4)));
}

/** One bar of the payments chart: a month, or a calendar quarter over long spans. */
export interface PaymentBin {
  /** The first month it covers, "2024-03". */
  key: string;
  label: string;
  count: number;
  amountCents: number;
  cumulativeCents: number;
}

/** Bars on an axis of at least this many, so that one month is not one bar across the chart. */
const MIN_BARS = 12;
/** Months up to five years (60 bars), calendar quarters beyond. */
const MAX_MONTH_BARS = 60;

/**
 * The payments chart's bars from the months of paymentsByMonth: months while they fit, then
 * quarters; a span shorter than a year is shown with the months before the first payment,
 * when nothing was paid, so each bar keeps a month's width.
 */
export function paymentBins(points: readonly MonthPoint[]): {
  unit: "month" | "quarter";
  bins: PaymentBin[];
} {
  const first = points[0];
  if (!first) return { unit: "month", bins: [] };
  if (points.length > MAX_MONTH_BARS) {
    const bins: PaymentBin[] = [];
    for (const p of points) {
      const month = Number(p.month.slice(5, 7)) - 1;
      const startMonth = month - (month % 3);
      const key = `${p.month.slice(0, 4)}-${String(startMonth + 1).padStart(2, "0")}`;
      let bin = bins.at(-1);
      if (bin?.key !== key) {
        const year = p.month.slice(0, 4);
        const name = (m: number) => monthLabel(`${year}-${String(m + 1).padStart(2, "0")}`);
        bin = {
          key,
          label: `${name(startMonth).split(" ")[0]}–${name(startMonth + 2)}`,
          count: 0,
          amountCents: 0,
          cumulativeCents: 0,
        };
        bins.push(bin);
      }
      bin.count += p.count;
      bin.amountCents += p.amountCents;
      bin.cumulativeCents = p.cumulativeCents;
    }
    return { unit: "quarter", bins };
  }
  const before: PaymentBin[] = [];
  let [year, month] = first.month.split("-").map(Number) as [number, number];
  while (before.length + points.length < MIN_BARS) {
    month -= 1;
    if (month < 1) {
      month = 12;
      year -= 1;
    }
    const key = `${year}-${String(month).padStart(2, "0")}`;
    before.unshift({ key, label: monthLabel(key), count: 0, amountCents: 0, cumulativeCents: 0 });
  }
  return {
    unit: "month",
    bins: [
      ...before,
      ...points.map((p) => ({
        key: p.month,
        label: monthLabel(p.month),
        count: p.count,
        amountCents: p.amountCents,
        cumulativeCents: p.cumulativeCents,
      })),
    ],
  };
}
