/**
 * A comune's grants of every measure as the portfolio views show them (the comune page, the
 * Unione's matrix): amount, state through payment and upkeep, next deadline, leftover funds,
 * and totals that leave out what the comune no longer holds. Pure: the read model gives the
 * assessments, this module decides what each cell says.
 */
import { describeClosureState, type SampleCheck, type Upkeep } from "../../domain/closure";
import type { IsoDate } from "../../domain/dates";
import type { DeadlineStatus } from "../../domain/deadlines";
import { formatEuro } from "../../domain/format";
import { grantTotals, type Withdrawal, withdrawalOf } from "../../domain/grant-totals";
import { MISURE, misuraByCode } from "../../domain/measures";
import { PHASE_LABELS } from "../../domain/phase";
import type { ProgettoAssessment } from "../../domain/progetto";
import { openDeadlines } from "../deadlines/open-deadlines";

/** What the read model knows of one grant. */
export interface GrantFacts {
  progettoId: number;
  comuneId: number;
  comune: string;
  misura: string;
  cup: string | null;
  /** The official window: a CUP renounced and applied for again comes back in window 2. */
  window: number | null;
  /** What was granted (decreto, else official, else requested). */
  amountCents: number | null;
  /** The open data's amount, for a payment only the official state E records. */
  officialAmountCents: number | null;
  assessment: ProgettoAssessment;
}

/** Why a grant is left out of the totals: the comune gave it up, or lost it (grant-totals.ts). */
export type Exclusion = NonNullable<Withdrawal>;

export interface Grant {
  progettoId: number;
  comuneId: number;
  comune: string;
  misura: string;
  cup: string | null;
  window: number | null;
  amountCents: number;
  /** "Finanziato", "In mantenimento fino al 31/12/2030", "Revocato", … */
  state: string;
  excluded: Exclusion | null;
  paidCents: number;
  paidOn: IsoDate | null;
  /** Economie minus reuses (closure.ts); null before a payment with its amount, or when revoked. */
  leftoverCents: number | null;
  leftoverWarnings: string[];
  next: { label: string; due: IsoDate; status: DeadlineStatus } | null;
  upkeep: Upkeep | null;
  sampleChecks: SampleCheck[];
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function portfolioGrant(f: GrantFacts): Grant {
  const { phase, closure } = f.assessment;
  const amountCents = f.amountCents ?? 0;
  const excluded = withdrawalOf(phase, closure.state);
  const state =
    phase === "rinunciato"
      ? PHASE_LABELS.rinunciato
      : closure.state
        ? capitalized(describeClosureState(closure.state))
        : PHASE_LABELS[phase];
  // A payment only the official state records (no evento) counts the official amount.
  const paidCents = closure.payment
    ? (closure.payment.amountCents ?? amountCents)
    : phase === "erogato"
      ? (f.officialAmountCents ?? amountCents)
      : 0;
  const [next] = openDeadlines(
    [
      {
        id: f.progettoId,
        comuneId: f.comuneId,
        comune: f.comune,
        unioneId: null,
        unione: null,
        cup: f.cup,
        assessment: f.assessment,
      },
    ],
    { unioneId: null, comuneId: null, status: "all" },
  );
  return {
    progettoId: f.progettoId,
    comuneId: f.comuneId,
    comune: f.comune,
    misura: f.misura,
    cup: f.cup,
    window: f.window,
    amountCents,
    state,
    excluded,
    paidCents,
    paidOn: closure.payment?.on ?? null,
    leftoverCents: closure.leftover?.leftCents ?? null,
    leftoverWarnings: closure.leftover?.warnings ?? [],
    // Renounced or revoked: no deadline is left to meet.
    next:
      next && !excluded ? { label: next.label, due: next.deadline.due, status: next.status } : null,
    upkeep: closure.upkeep,
    sampleChecks: closure.sampleChecks,
  };
}

export interface MoneyTotals {
  /** Grants counted: neither renounced nor revoked. */
  grants: number;
  grantedCents: number;
  paidCents: number;
  /** What is left to reuse; a grant whose contracts cost more than received adds nothing. */
  leftoverCents: number;
  renounced: number;
  revoked: number;
  /** What the grants left out had been granted. */
  excludedCents: number;
}

export const NO_MONEY: MoneyTotals = {
  grants: 0,
  grantedCents: 0,
  paidCents: 0,
  leftoverCents: 0,
  renounced: 0,
  revoked: 0,
  excludedCents: 0,
};

export function moneyTotals(grants: readonly Grant[]): MoneyTotals {
  const granted = grantTotals(grants.map((g) => ({ ...g, withdrawal: g.excluded })));
  const held = grants.filter((g) => g.excluded === null);
  return {
    grants: granted.counted,
    grantedCents: granted.amountCents,
    paidCents: held.reduce((sum, g) => sum + g.paidCents, 0),
    leftoverCents: held.reduce((sum, g) => sum + Math.max(0, g.leftoverCents ?? 0), 0),
    renounced: granted.excluded.rinunciati,
    revoked: granted.excluded.revocati,
    excludedCents: granted.excluded.amountCents,
  };
}

/** The sentence under a total that left grants out; null when it left none. */
export function excludedNote(t: MoneyTotals): string | null {
  const counts = [
    [t.renounced, "rinunciato", "rinunciati"],
    [t.revoked, "revocato", "revocati"],
  ] as const;
  const said = counts
    .filter(([n]) => n > 0)
    .map(([n, one, many], i) =>
      // "1 finanziamento rinunciato e 2 revocati": the noun goes with the first count only.
      i === 0
        ? `${n} ${n === 1 ? `finanziamento ${one}` : `finanziamenti ${many}`}`
        : `${n} ${n === 1 ? one : many}`,
    );
  if (said.length === 0) return null;
  return `I totali non contano ${said.join(" e ")} (${formatEuro(t.excludedCents)}).`;
}

/** The measures in the order of the plan (MISURE), then any code it does not know. */
export function misuraOrder(a: string, b: string): number {
  const rank = (code: string) => {
    const i = MISURE.findIndex((m) => m.code === code);
    return i === -1 ? MISURE.length : i;
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

export interface MisuraHeading {
  code: string;
  title: string;
}

export function misuraHeading(code: string): MisuraHeading {
  return { code, title: misuraByCode(code)?.title ?? `Misura ${code}` };
}

export interface MisuraGroup extends MisuraHeading {
  grants: Grant[];
  totals: MoneyTotals;
}

export function grantsByMisura(grants: readonly Grant[]): MisuraGroup[] {
  const codes = [...new Set(grants.map((g) => g.misura))].sort(misuraOrder);
  return codes.map((code) => {
    const of = grants.filter((g) => g.misura === code);
    return { ...misuraHeading(code), grants: of, totals: moneyTotals(of) };
  });
}
