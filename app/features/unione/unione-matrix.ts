/**
 * The Unione's second comparison, by measure: a matrix comune × measure with each grant's
 * state and amount, totals per comune and per measure, and the upkeep and sample checks of
 * every member. Pure: portfolio.ts says what one grant is, this module lays them out.
 */
import type { IsoDate } from "../../domain/dates";
import type { EventOutcome } from "../../domain/vocabulary";
import {
  type Grant,
  type MisuraHeading,
  type MoneyTotals,
  misuraHeading,
  misuraOrder,
  moneyTotals,
} from "../portfolio/portfolio";

export interface MatrixCell {
  /** Every grant of the comune for the measure, renounced and revoked ones included. */
  grants: Grant[];
  /** What the cell's counted grants were granted. */
  amountCents: number;
}

export interface MatrixRow {
  comuneId: number;
  comune: string;
  /** One per column; null where the comune holds no grant of that measure. */
  cells: (MatrixCell | null)[];
  totals: MoneyTotals;
}

export interface UnioneMatrix {
  /** The measures some member holds, in the order of the plan. */
  columns: MisuraHeading[];
  rows: MatrixRow[];
  columnTotals: MoneyTotals[];
  total: MoneyTotals;
}

/** Members in the order given; grants of comuni that are not members are ignored. */
export function unioneMatrix(
  members: readonly { comuneId: number; comune: string }[],
  grants: readonly Grant[],
): UnioneMatrix {
  const memberIds = new Set(members.map((m) => m.comuneId));
  const held = grants.filter((g) => memberIds.has(g.comuneId));
  const codes = [...new Set(held.map((g) => g.misura))].sort(misuraOrder);
  const byComune = new Map<number, Grant[]>();
  for (const g of held) byComune.set(g.comuneId, [...(byComune.get(g.comuneId) ?? []), g]);
  const rows = members.map((m): MatrixRow => {
    const own = byComune.get(m.comuneId) ?? [];
    return {
      comuneId: m.comuneId,
      comune: m.comune,
      cells: codes.map((code) => {
        const of = own.filter((g) => g.misura === code);
        return of.length === 0 ? null : { grants: of, amountCents: moneyTotals(of).grantedCents };
      }),
      totals: moneyTotals(own),
    };
  });
  return {
    columns: codes.map(misuraHeading),
    rows,
    columnTotals: codes.map((code) => moneyTotals(held.filter((g) => g.misura === code))),
    total: moneyTotals(held),
  };
}

export interface UpkeepRow {
  progettoId: number;
  comune: string;
  misura: string;
  paidOn: IsoDate;
  until: IsoDate;
  /** Past years without a declaration of upkeep. */
  missing: number[];
}

/** Every grant in upkeep (or past it), the earliest end first. */
export function upkeepAcross(grants: readonly Grant[]): UpkeepRow[] {
  return grants
    .flatMap((g) =>
      g.upkeep
        ? [
            {
              progettoId: g.progettoId,
              comune: g.comune,
              misura: g.misura,
              paidOn: g.upkeep.paidOn,
              until: g.upkeep.until,
              missing: g.upkeep.missing,
            },
          ]
        : [],
    )
    .sort((a, b) => a.until.localeCompare(b.until) || a.comune.localeCompare(b.comune, "it"));
}

export interface SampleCheckRow {
  progettoId: number;
  comune: string;
  misura: string;
  requestedOn: IsoDate;
  documentsSentOn: IsoDate | null;
  outcome: EventOutcome | null;
  amountToReturnCents: number | null;
}

/** Every sample check of the members' grants, the latest request first. */
export function sampleChecksAcross(grants: readonly Grant[]): SampleCheckRow[] {
  return grants
    .flatMap((g) =>
      g.sampleChecks.map((c) => ({
        progettoId: g.progettoId,
        comune: g.comune,
        misura: g.misura,
        requestedOn: c.requestedOn,
        documentsSentOn: c.documentsSentOn,
        outcome: c.outcome,
        amountToReturnCents: c.amountToReturnCents,
      })),
    )
    .sort(
      (a, b) =>
        b.requestedOn.localeCompare(a.requestedOn) || a.comune.localeCompare(b.comune, "it"),
    );
}
