import { describe, expect, it } from "vitest";
import { addDays, daysBetween, isIsoDate, italianDayOf } from "~/domain/dates";

const rome = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Rome" });

describe("italianDayOf", () => {
  it("agrees with the Europe/Rome time zone every 37 minutes from 2020 to 2027", () => {
    const mismatches: string[] = [];
    for (let t = Date.UTC(2020, 0, 1); t < Date.UTC(2027, 0, 1); t += 37 * 60_000) {
      if (italianDayOf(t) !== rome.format(new Date(t))) mismatches.push(new Date(t).toISOString());
    }
    expect(mismatches).toEqual([]);
  });

  it("switches day at local midnight around the summer-time changes", () => {
    // 2023-03-26 summer time starts at 01:00 UTC; 2023-10-29 it ends at 01:00 UTC.
    expect(italianDayOf(Date.parse("2023-03-25T22:59:59Z"))).toBe("2023-03-25");
    expect(italianDayOf(Date.parse("2023-03-25T23:00:00Z"))).toBe("2023-03-26");
    expect(italianDayOf(Date.parse("2023-08-14T21:59:59Z"))).toBe("2023-08-14");
    expect(italianDayOf(Date.parse("2023-08-14T22:00:00Z"))).toBe("2023-08-15");
    expect(italianDayOf(Date.parse("2023-10-28T21:59:59Z"))).toBe("2023-10-28");
    expect(italianDayOf(Date.parse("2023-10-28T22:00:00Z"))).toBe("2023-10-29");
    expect(italianDayOf(Date.parse("2023-12-31T23:00:00Z"))).toBe("2024-01-01");
  });
});

describe("isIsoDate", () => {
  it("accepts real days and refuses impossible ones", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2023-13-01")).toBe(false);
    expect(isIsoDate("23/01/2023")).toBe(false);
  });
});

describe("isIsoDate against the calendar", () => {
  it("agrees with Date on every day-like string from 1899 to 2401", () => {
    const wrong: string[] = [];
    for (const year of [1899, 1900, 2000, 2023, 2024, 2100, 2400, 2401]) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const text = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
          const date = new Date(Date.UTC(year, month - 1, day));
          const real =
            month >= 1 &&
            month <= 12 &&
            day >= 1 &&
            date.getUTCMonth() === month - 1 &&
            date.getUTCDate() === day;
          if (isIsoDate(text) !== real) wrong.push(text);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe("addDays and daysBetween", () => {
  it("count calendar days across months, leap years and summer time", () => {
    expect(addDays("2022-12-04", 180)).toBe("2023-06-02");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
    expect(addDays("2023-03-25", 2)).toBe("2023-03-27");
    expect(addDays("2023-01-10", -10)).toBe("2022-12-31");
    expect(daysBetween("2022-12-04", "2023-06-02")).toBe(180);
    expect(daysBetween("2023-06-02", "2022-12-04")).toBe(-180);
  });

  it("agree with each other over ten years, day by day", () => {
    for (let n = 0; n < 3653; n += 7)
      expect(daysBetween("2020-01-01", addDays("2020-01-01", n))).toBe(n);
  });

  it("refuse an impossible date", () => {
    expect(() => addDays("2023-02-30", 1)).toThrow(RangeError);
    expect(() => daysBetween("2023-01-01", "oggi")).toThrow(RangeError);
  });
});
