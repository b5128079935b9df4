/**
 * What a total of granted money counts: the grants the comune still holds. A renounced grant
 * and a revoked one (a negative asseverazione, a failed sample check) bring it no money, so
 * every total leaves them out and says how many it left out. The one place of this rule: the
 * dashboard, the public pages and the portfolio all total through here.
 */
import type { ClosureState } from "./closure";
import { formatEuro, formatInteger } from "./format";
import type { Phase } from "./phase";

export type Withdrawal = "rinunciato" | "revocato" | null;

/** Why a grant no longer counts; `closure` is null where only the phase is known. */
export function withdrawalOf(phase: Phase, closure: ClosureState | null): Withdrawal {
  if (phase === "rinunciato") return "rinunciato";
  return closure?.kind === "revocato" || phase === "asseverazione-negativa" ? "revocato" : null;
}

export interface GrantTotals {
  amountCents: number;
  counted: number;
  excluded: { rinunciati: number; revocati: number; amountCents: number };
}

export const NO_GRANTS: GrantTotals = {
  amountCents: 0,
  counted: 0,
  excluded: { rinunciati: 0, revocati: 0, amountCents: 0 },
};

/** The money granted to the grants still standing, and what was left out. */
export function grantTotals(
  grants: Iterable<{ amountCents: number | null; withdrawal: Withdrawal; count?: number }>,
): GrantTotals {
  const totals: GrantTotals = { ...NO_GRANTS, excluded: { ...NO_GRANTS.excluded } };
  for (const g of grants) {
    // A group of grants alike (a row of a summary in SQL) counts as many.
    const n = g.count ?? 1;
    if (g.withdrawal === null) {
      totals.counted += n;
      totals.amountCents += g.amountCents ?? 0;
    } else {
      totals.excluded[g.withdrawal === "rinunciato" ? "rinunciati" : "revocati"] += n;
      totals.excluded.amountCents += g.amountCents ?? 0;
    }
  }
  return totals;
}

/** "esclusi 1 rinunciato e 2 revocati (€ 150.000,00)"; null when nothing was left out. */
export function excludedShort(excluded: GrantTotals["excluded"]): string | null {
  const parts = [
    excluded.rinunciati
      ? `${formatInteger(excluded.rinunciati)} ${excluded.rinunciati === 1 ? "rinunciato" : "rinunciati"}`
      : null,
    excluded.revocati
      ? `${formatInteger(excluded.revocati)} ${excluded.revocati === 1 ? "revocato" : "revocati"}`
      : null,
  ].filter((p): p is string => p !== null);
  if (parts.length === 0) return null;
  return `esclusi ${parts.join(" e ")} (${formatEuro(excluded.amountCents)})`;
}
