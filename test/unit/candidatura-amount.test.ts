import { describe, expect, it } from "vitest";
import { checkCandidatura } from "~/domain/candidatura-rules";
import { CandidaturaChoice, withComputedAmount } from "~/forms/candidatura-amount";

const choice = (band: string, servizioIds: string[], more: Record<string, string> = {}) =>
  CandidaturaChoice.parse({ avvisoId: "2", sentOn: "2022-09-24", band, servizioIds, ...more });

describe("the candidatura amount", () => {
  it("is the band's site plus its amount per service, whatever was typed", () => {
    const input = withComputedAmount(
      choice("2", ["13", "16", "20", "21"], { amountRequested: "1,00" }),
    );
    expect(input.amountRequested).toBe(155_234_00);
    expect(withComputedAmount(choice("1", [])).amountRequested).toBe(28_902_00);
    expect(checkCandidatura(input).warnings).toEqual([]);
  });

  it("leaves too many services to the rule that refuses them", () => {
    const input = withComputedAmount(choice("1", ["1", "2", "3", "4", "5"]));
    expect(checkCandidatura(input).errors.servizioIds).toContain("al massimo 4 servizi");
  });
});
