/**
 * Official open data against what users entered, for 1.4.1 progetti of comuni: does the
 * official amount decompose, does its band match the population on record, and which
 * figures differ.
 */
import { bandForPopulation, decomposeAmount } from "../../domain/bands";
import { formatDate, formatEuro } from "../../domain/format";

export interface ReconciliationInput {
  officialAmountCents: number | null;
  officialDecretoNumber: string | null;
  officialDecreeOn: string | null;
  officialState: "A" | "R" | "E" | null;
  enteredAmountCents: number | null;
  decretoAmountCents: number | null;
  decretoNumber: string | null;
  decreeOn: string | null;
  population: number | null;
  /** Erogazione or rinuncia recorded by hand. */
  enteredState: "A" | "R" | "E";
}

export interface Difference {
  field: string;
  official: string;
  entered: string;
}

export interface Reconciliation {
  decomposes: boolean;
  impliedBand: number | null;
  populationBand: number | null;
  bandMatches: boolean | null;
  differences: Difference[];
}

const STATES = { A: "assegnato", R: "rinunciato", E: "erogato" } as const;

export function reconcile(r: ReconciliationInput): Reconciliation {
  const split = r.officialAmountCents === null ? null : decomposeAmount(r.officialAmountCents);
  const impliedBand = split?.kind === "exact" ? split.band.id : null;
  const populationBand = r.population === null ? null : bandForPopulation(r.population).id;
  const differences: Difference[] = [];
  const money = (v: number | null) => (v === null ? "—" : formatEuro(v));
  if (r.officialAmountCents !== null) {
    if (r.enteredAmountCents !== null && r.enteredAmountCents !== r.officialAmountCents) {
      differences.push({
        field: "Importo della candidatura",
        official: money(r.officialAmountCents),
        entered: money(r.enteredAmountCents),
      });
    }
    if (r.decretoAmountCents !== null && r.decretoAmountCents !== r.officialAmountCents) {
      differences.push({
        field: "Importo del decreto",
        official: money(r.officialAmountCents),
        entered: money(r.decretoAmountCents),
      });
    }
  }
  if (
    r.officialDecretoNumber &&
    r.decretoNumber &&
    normalize(r.officialDecretoNumber) !== normalize(r.decretoNumber)
  ) {
    differences.push({
      field: "Numero del decreto",
      official: r.officialDecretoNumber,
      entered: r.decretoNumber,
    });
  }
  if (r.officialDecreeOn && r.decreeOn && r.officialDecreeOn !== r.decreeOn) {
    differences.push({
      field: "Data del decreto",
      official: formatDate(r.officialDecreeOn),
      entered: formatDate(r.decreeOn),
    });
  }
  if (r.officialState && r.officialState !== r.enteredState && r.enteredState !== "A") {
    differences.push({
      field: "Stato",
      official: STATES[r.officialState],
      entered: STATES[r.enteredState],
    });
  }
  return {
    decomposes: split?.kind === "exact",
    impliedBand,
    populationBand,
    bandMatches:
      impliedBand === null || populationBand === null ? null : impliedBand === populationBand,
    differences,
  };
}

const normalize = (number: string) => number.replace(/\s+/g, "");
