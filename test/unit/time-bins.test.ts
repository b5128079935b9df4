import { describe, expect, it } from "vitest";
import { addDays } from "~/domain/dates";
import { dayNumber } from "~/domain/milestones";
import { timeAxis } from "~/domain/time-bins";

const spanOf = (days: number) => timeAxis("2023-01-01", addDays("2023-01-01", days), 8);

describe("the ticks of a time axis", () => {
  it("uses days for a short span, weeks for a month, months beyond", () => {
    expect(spanOf(6).unit).toBe("day");
    expect(spanOf(30).unit).toBe("week");
    expect(spanOf(45).unit).toBe("week");
    expect(spanOf(365).unit).toBe("month");
    expect(spanOf(5 * 365).unit).toBe("month");
  });

  it("never gives more ticks than asked, and at least two for any span of a day or more", () => {
    for (let days = 1; days <= 3000; days += 1) {
      const { ticks } = spanOf(days);
      expect(ticks.length, `${days} days`).toBeLessThanOrEqual(8);
      expect(ticks.length, `${days} days`).toBeGreaterThanOrEqual(days >= 2 ? 2 : 1);
    }
  });

  it("keeps every tick inside the axis, in order and evenly spaced", () => {
    for (const days of [3, 10, 31, 90, 200, 400, 900, 2000]) {
      const { ticks } = spanOf(days);
      const start = dayNumber("2023-01-01");
      for (const t of ticks) {
        expect(t.day).toBeGreaterThanOrEqual(start);
        expect(t.day).toBeLessThanOrEqual(start + days);
      }
      const gaps = ticks.slice(1).map((t, i) => t.day - (ticks[i]?.day ?? 0));
      expect(Math.max(...gaps) - Math.min(...gaps), `${days} days`).toBeLessThanOrEqual(3);
    }
  });

  it("labels days and weeks with day and month, the year on the first and at each new year", () => {
    expect(timeAxis("2022-12-26", "2023-01-05", 8).ticks.map((t) => t.label)).toEqual([
      "26 dic 2022",
      "28 dic",
      "30 dic",
      "1 gen 2023",
      "3 gen",
      "5 gen",
    ]);
    // Weeks start on Monday.
    expect(timeAxis("2023-01-01", "2023-02-01", 8).ticks.map((t) => t.label)).toEqual([
      "2 gen 2023",
      "9 gen",
      "16 gen",
      "23 gen",
      "30 gen",
    ]);
  });

  it("labels months as the month and year, on months that are multiples of the step", () => {
    expect(timeAxis("2022-12-15", "2023-07-02", 4).ticks.map((t) => t.label)).toEqual([
      "gen 2023",
      "mar 2023",
      "mag 2023",
      "lug 2023",
    ]);
  });
});
