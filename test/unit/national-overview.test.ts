import { describe, expect, it } from "vitest";
import {
  bandServicesMatrix,
  monthLabel,
  paidShare,
  paymentsByMonth,
  type StateGroup,
  tallyByKey,
} from "~/features/national-overview/national-overview";

const groups: StateGroup<string>[] = [
  { key: "Toscana", state: "E", count: 3, amountCents: 300_00 },
  { key: "Liguria", state: "A", count: 1, amountCents: 100_00 },
  { key: "Toscana", state: "A", count: 1, amountCents: 100_00 },
  { key: "Toscana", state: "R", count: 2, amountCents: 50_00 },
];

describe("tallyByKey", () => {
  it("adds up each key by state and in total", () => {
    const { totals, byKey } = tallyByKey(groups);
    expect(totals.total).toEqual({ count: 7, amountCents: 550_00 });
    expect(totals.byState.E).toEqual({ count: 3, amountCents: 300_00 });
    expect(byKey.map((k) => k.key)).toEqual(["Toscana", "Liguria"]);
    expect(byKey[0]?.totals.byState).toEqual({
      A: { count: 1, amountCents: 100_00 },
      E: { count: 3, amountCents: 300_00 },
      R: { count: 2, amountCents: 50_00 },
    });
  });
});

describe("paidShare", () => {
  it("counts paid among the progetti not renounced, by amount and by number", () => {
    const toscana = tallyByKey(groups.filter((g) => g.key === "Toscana")).totals;
    expect(paidShare(toscana)).toEqual({ byCount: 75, byAmount: 75 });
  });

  it("rounds to one decimal and is null when nothing is financed", () => {
    const third = tallyByKey([
      { key: "x", state: "E", count: 1, amountCents: 1 },
      { key: "x", state: "A", count: 2, amountCents: 2 },
    ]).totals;
    expect(paidShare(third)).toEqual({ byCount: 33.3, byAmount: 33.3 });
    const renounced = tallyByKey([{ key: "x", state: "R", count: 1, amountCents: 5 }]).totals;
    expect(paidShare(renounced)).toBeNull();
  });
});

describe("bandServicesMatrix", () => {
  it("places comuni by band and services, and ignores impossible cells", () => {
    const m = bandServicesMatrix([
      { band: 1, services: 4, count: 10 },
      { band: 1, services: 0, count: 2 },
      { band: 2, services: 4, count: 5 },
      { band: 9, services: 1, count: 99 },
      { band: 1, services: 99, count: 99 },
    ]);
    expect(m.rows).toHaveLength(6);
    expect(m.rows[0]?.byServices[4]).toBe(10);
    expect(m.rows[0]?.total).toBe(12);
    expect(m.rows[1]?.total).toBe(5);
    expect(m.byServices[4]).toBe(15);
    expect(m.rows.reduce((sum, r) => sum + r.total, 0)).toBe(17);
  });
});

describe("paymentsByMonth", () => {
  it("fills the months without payments and accumulates across the new year", () => {
    const points = paymentsByMonth([
      { month: "2024-01", count: 1, amountCents: 10 },
      { month: "2023-11", count: 2, amountCents: 5 },
    ]);
    expect(points.map((p) => [p.month, p.amountCents, p.cumulativeCents])).toEqual([
      ["2023-11", 5, 5],
      ["2023-12", 0, 5],
      ["2024-01", 10, 15],
    ]);
    expect(paymentsByMonth([])).toEqual([]);
  });

  it("labels months in Italian", () => {
    expect(monthLabel("2024-03")).toBe("mar 2024");
    expect(monthLabel("2023-12")).toBe("dic 2023");
  });
});
