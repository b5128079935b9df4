import { describe, expect, it } from "vitest";
import { checkCandidatura, checkSubstitution } from "~/domain/candidatura-rules";

describe("a candidatura against the avviso", () => {
  it("accepts Santa Margherita Ligure: band 2, four services, € 155.234", () => {
    expect(
      checkCandidatura({ band: 2, servizioIds: [13, 16, 20, 21], amountRequested: 15_523_400 }),
    ).toEqual({
      errors: {},
      warnings: [],
    });
  });

  it("refuses a fifth service in a band capped at four", () => {
    const result = checkCandidatura({
      band: 2,
      servizioIds: [1, 2, 3, 4, 5],
      amountRequested: 18_112_900,
    });
    expect(result.errors.servizioIds).toBe(
      "La fascia da 5.001 a 20.000 abitanti consente al massimo 4 servizi: ne sono stati scelti 5",
    );
  });

  it("warns when the amount disagrees with the rules", () => {
    const result = checkCandidatura({
      band: 2,
      servizioIds: [13, 16, 20, 21],
      amountRequested: 15_523_300,
    });
    expect(result.errors).toEqual({});
    expect(result.warnings).toEqual([
      "L'importo richiesto (€ 155.233,00) non corrisponde a quello previsto dall'avviso per la fascia da 5.001 a 20.000 abitanti con 4 servizi (€ 155.234,00).",
    ]);
  });
});

describe("a substitution of services", () => {
  it("swaps concorso pubblico for accesso agli atti with no effect on the amount", () => {
    expect(checkSubstitution([13, 16, 20, 21], [21], [25], 2)).toEqual({
      errors: {},
      effect: { before: [13, 16, 20, 21], after: [13, 16, 20, 25], amountDeltaCents: 0 },
    });
  });

  it("prices a change in the number of services", () => {
    expect(checkSubstitution([13, 16], [16], [17, 20], 2).effect?.amountDeltaCents).toBe(2_589_500);
  });

  it("refuses removing a service not in the project, adding one already in it, or passing the cap", () => {
    expect(checkSubstitution([13, 16, 20, 21], [2], [25], 2).errors.removed).toBe(
      "Non fanno parte del progetto: tributi IMU",
    );
    expect(checkSubstitution([13, 16, 20, 21], [21], [13], 2).errors.added).toBe(
      "Sono già nel progetto: contravvenzioni",
    );
    expect(checkSubstitution([13, 16, 20, 21], [21], [25, 26], 2).errors.added).toBe(
      "Con la sostituzione i servizi sarebbero 5: la fascia ne consente al massimo 4",
    );
  });
});
