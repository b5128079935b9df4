import { describe, expect, it } from "vitest";
import {
  BANDS,
  bandById,
  bandForPopulation,
  decomposeAmount,
  expectedAmount,
} from "~/domain/bands";
import { readSharedCsv } from "../support/shared";

const euro = (n: number) => n * 100;

describe("the 1.4.1 band table", () => {
  it("holds the avviso's figures", () => {
    expect(
      BANDS.map((b) => [
        b.minPopulation,
        b.maxPopulation,
        b.siteCents,
        b.perServiceCents,
        b.maxServices,
      ]),
    ).toEqual([
      [0, 5_000, euro(28_902), euro(12_755), 4],
      [5_001, 20_000, euro(51_654), euro(25_895), 4],
      [20_001, 50_000, euro(87_682), euro(38_650), 5],
      [50_001, 100_000, euro(96_260), euro(38_650), 6],
      [100_001, 250_000, euro(162_545), euro(58_963), 6],
      [250_001, null, euro(500_243), euro(77_684), 10],
    ]);
  });

  it.each([
    [0, 1],
    [1, 1],
    [5_000, 1],
    [5_001, 2],
    [20_000, 2],
    [20_001, 3],
    [50_000, 3],
    [50_001, 4],
    [100_000, 4],
    [100_001, 5],
    [250_000, 5],
    [250_001, 6],
    [2_800_000, 6],
  ])("puts a population of %i in band %i", (population, band) => {
    expect(bandForPopulation(population).id).toBe(band);
  });

  it("rejects populations that are not whole non-negative numbers", () => {
    expect(() => bandForPopulation(-1)).toThrow(RangeError);
    expect(() => bandForPopulation(12.5)).toThrow(RangeError);
    expect(() => bandById(7)).toThrow(RangeError);
  });
});

describe("expected amount", () => {
  it.each([
    [2, 4, 155_234],
    [1, 4, 79_922],
    [4, 6, 328_160],
    [3, 5, 280_932],
    [1, 0, 28_902],
    [6, 10, 1_277_083],
  ])("band %i with %i services is € %i", (band, services, amount) => {
    expect(expectedAmount(bandById(band), services)).toEqual({
      ok: true,
      amountCents: euro(amount),
    });
  });

  it("refuses more services than the band allows", () => {
    expect(expectedAmount(bandById(2), 5)).toEqual({
      ok: false,
      reason: "too-many-services",
      maxServices: 4,
    });
    expect(expectedAmount(bandById(1), -1)).toMatchObject({
      ok: false,
      reason: "negative-services",
    });
  });
});

describe("amount decomposition", () => {
  it("finds the band and services of the domain examples", () => {
    const check = (amount: number) => {
      const r = decomposeAmount(euro(amount));
      return r.kind === "exact" ? [r.band.id, r.services] : r.kind;
    };
    expect(check(155_234)).toEqual([2, 4]);
    expect(check(79_922)).toEqual([1, 4]);
    expect(check(328_160)).toEqual([4, 6]);
    expect(check(280_932)).toEqual([3, 5]);
  });

  it("says when an amount does not decompose", () => {
    expect(decomposeAmount(euro(7_301))).toEqual({ kind: "none" });
    expect(decomposeAmount(euro(155_233))).toEqual({ kind: "none" });
    expect(decomposeAmount(0)).toEqual({ kind: "none" });
  });

  it("decomposes every comuni row of the official sample into exactly one pair", () => {
    const rows = readSharedCsv("data/padigitale2026/candidature_finanziate_141_sample.csv").filter(
      (r) => r.tipologia_ente === "Comuni",
    );
    expect(rows.length).toBe(708);
    const failures = rows
      .map((r) => ({
        cup: r.codice_cup,
        result: decomposeAmount(Math.round(Number(r.importo_finanziamento) * 100)),
      }))
      .filter((r) => r.result.kind !== "exact");
    expect(failures).toEqual([]);
  });

  it("adds up the Unione Valle del Savio to € 878.394", () => {
    const savio = [
      "D11F22000360006",
      "G51F22000300006",
      "C41F22000620006",
      "C41F22000650006",
      "H81F22000620006",
      "G21F22000600006",
    ];
    const rows = readSharedCsv("data/padigitale2026/candidature_finanziate_141_sample.csv").filter(
      (r) => savio.includes(r.codice_cup ?? ""),
    );
    expect(rows).toHaveLength(6);
    const total = rows.reduce((sum, r) => {
      const split = decomposeAmount(Math.round(Number(r.importo_finanziamento) * 100));
      if (split.kind !== "exact") throw new Error(`non scomponibile: ${r.codice_cup}`);
      const amount = expectedAmount(split.band, split.services);
      return sum + (amount.ok ? amount.amountCents : Number.NaN);
    }, 0);
    expect(total).toBe(euro(878_394));
  });
});
