import { describe, expect, it } from "vitest";
import {
  exclusionText,
  grantTotals,
  publicState,
  withdrawalOf,
} from "~/features/attuazione/attuazione";

describe("what the public pages say about a grant", () => {
  it("shows the obligations after payment rather than the phase", () => {
    expect(publicState("erogato", { kind: "mantenimento", until: "2030-12-31" })).toBe(
      "In mantenimento fino al 31/12/2030",
    );
    expect(publicState("erogato", { kind: "obblighi-conclusi", until: "2029-12-31" })).toBe(
      "Obblighi di mantenimento conclusi il 31/12/2029",
    );
    expect(publicState("contrattualizzato", null)).toBe("Fornitore contrattualizzato");
  });

  it("totals only the grants still standing, and names what it left out", () => {
    const revoked = { kind: "revocato", on: null, reason: "", amountToReturnCents: null } as const;
    const progetti = [
      { amountCents: 15_523_400, withdrawal: withdrawalOf("contrattualizzato", null) },
      { amountCents: null, withdrawal: withdrawalOf("candidatura", null) },
      { amountCents: 5_000_000, withdrawal: withdrawalOf("rinunciato", null) },
      { amountCents: 2_000_000, withdrawal: withdrawalOf("asseverazione-negativa", revoked) },
      { amountCents: 1_000_000, withdrawal: withdrawalOf("rinunciato", null) },
    ];
    const totals = grantTotals(progetti);
    expect(totals).toEqual({
      amountCents: 15_523_400,
      counted: 2,
      excluded: { rinunciati: 2, revocati: 1, amountCents: 8_000_000 },
    });
    expect(exclusionText(totals.excluded)).toBe(
      "Il totale esclude 2 progetti rinunciati e 1 progetto revocato (€ 80.000,00).",
    );
    expect(exclusionText(grantTotals(progetti.slice(0, 2)).excluded)).toBeNull();
  });
});
