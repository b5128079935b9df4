import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PaymentsChart } from "~/features/national-overview/NationalCharts";
import {
  type MonthPoint,
  paymentBins,
  paymentsByMonth,
} from "~/features/national-overview/national-overview";

/** Months from `first`, each with one payment of `cents`. */
function months(first: string, n: number, cents = 100_00): MonthPoint[] {
  const [y, m] = first.split("-").map(Number) as [number, number];
  return paymentsByMonth(
    Array.from({ length: n }, (_, i) => {
      const index = m - 1 + i;
      const key = `${y + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
      return { month: key, count: 1, amountCents: cents };
    }),
  );
}

/** The widths of the bars the server draws. */
function barWidths(points: MonthPoint[]): number[] {
  const svg = renderToStaticMarkup(createElement(PaymentsChart, { id: "e", points }));
  return [...svg.matchAll(/class="recharts-rectangle"[^>]*d="M ?[\d.]+,[\d.]+ h ?([\d.]+)/g)].map(
    (m) => Number(m[1]),
  );
}

describe("the bars of the payments chart", () => {
  it("are not one giant bar for a single month: the year before shows as months without payments", () => {
    const widths = barWidths(months("2024-03", 1));
    expect(widths.length).toBe(1);
    // The plot is about 660 px wide: one of at least twelve slots.
    expect(widths[0]).toBeLessThan(60);
  });

  it("pads a short span back to twelve months, nothing paid before the first payment", () => {
    const { unit, bins } = paymentBins(months("2024-03", 2));
    expect(unit).toBe("month");
    expect(bins.map((b) => b.label)).toEqual([
      "mag 2023",
      "giu 2023",
      "lug 2023",
      "ago 2023",
      "set 2023",
      "ott 2023",
      "nov 2023",
      "dic 2023",
      "gen 2024",
      "feb 2024",
      "mar 2024",
      "apr 2024",
    ]);
    expect(bins.map((b) => b.amountCents)).toEqual([...Array(10).fill(0), 100_00, 100_00]);
    expect(bins.map((b) => b.cumulativeCents)).toEqual([...Array(10).fill(0), 100_00, 200_00]);
  });

  it("keeps months up to five years, then groups calendar quarters", () => {
    expect(paymentBins(months("2021-01", 60)).unit).toBe("month");
    expect(paymentBins(months("2021-01", 60)).bins.length).toBe(60);
    const { unit, bins } = paymentBins(months("2021-02", 61));
    expect(unit).toBe("quarter");
    // feb 2021 … feb 2026: a partial first and last quarter.
    expect(bins.length).toBe(21);
    expect(bins[0]).toMatchObject({ label: "gen–mar 2021", count: 2, amountCents: 200_00 });
    expect(bins.at(-1)).toMatchObject({
      label: "gen–mar 2026",
      count: 2,
      cumulativeCents: 6_100_00,
    });
  });

  it("never loses or invents money, whatever the span", () => {
    for (let n = 1; n <= 150; n += 1) {
      const points = months("2022-11", n, 12_345);
      const { bins } = paymentBins(points);
      expect(bins.length).toBeGreaterThanOrEqual(12);
      expect(bins.length).toBeLessThanOrEqual(60);
      expect(bins.reduce((s, b) => s + b.amountCents, 0)).toBe(n * 12_345);
      expect(bins.reduce((s, b) => s + b.count, 0)).toBe(n);
      expect(bins.at(-1)?.cumulativeCents).toBe(n * 12_345);
    }
    expect(paymentBins([]).bins).toEqual([]);
  });
});
