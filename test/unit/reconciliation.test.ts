import { describe, expect, it } from "vitest";
import { type ReconciliationInput, reconcile } from "~/features/reconciliation/reconciliation";

const verghereto: ReconciliationInput = {
  officialAmountCents: 7_992_200,
  officialDecretoNumber: "32 - 1 / 2022",
  officialDecreeOn: "2022-08-19",
  officialState: "A",
  enteredAmountCents: 7_990_200,
  decretoAmountCents: 7_992_200,
  decretoNumber: "32 - 1 / 2022",
  decreeOn: "2022-08-19",
  population: 1_974,
  enteredState: "A",
};

describe("reconciling official data with what users entered", () => {
  it("finds a typed amount € 20 short, as in the Valle del Savio newspaper total", () => {
    expect(reconcile(verghereto)).toEqual({
      decomposes: true,
      impliedBand: 1,
      populationBand: 1,
      bandMatches: true,
      differences: [
        { field: "Importo della candidatura", official: "€ 79.922,00", entered: "€ 79.902,00" },
      ],
    });
  });

  it("reports an amount that does not decompose and a band that disagrees with the population", () => {
    const result = reconcile({
      ...verghereto,
      officialAmountCents: 15_523_400,
      population: 4_900,
      enteredAmountCents: null,
      decretoAmountCents: null,
    });
    expect(result).toMatchObject({
      decomposes: true,
      impliedBand: 2,
      populationBand: 1,
      bandMatches: false,
      differences: [],
    });
    expect(reconcile({ ...verghereto, officialAmountCents: 12_345_600 }).decomposes).toBe(false);
  });

  it("compares decree number, date and state", () => {
    const result = reconcile({
      ...verghereto,
      enteredAmountCents: null,
      decretoNumber: "33 - 1 / 2022",
      decreeOn: "2022-08-20",
      officialState: "E",
      enteredState: "R",
    });
    expect(result.differences.map((d) => d.field)).toEqual([
      "Numero del decreto",
      "Data del decreto",
      "Stato",
    ]);
  });
});
