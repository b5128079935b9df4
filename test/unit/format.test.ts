import { describe, expect, it } from "vitest";
import { formatDate, formatEuro, formatFileSize, formatInteger } from "~/domain/format";

describe("Italian formats", () => {
  it.each([
    [15_523_400, "€ 155.234,00"],
    [87_839_400, "€ 878.394,00"],
    [730_100, "€ 7.301,00"],
    [99, "€ 0,99"],
    [0, "€ 0,00"],
    [123_456_789_01, "€ 123.456.789,01"],
    [-250, "-€ 2,50"],
  ])("writes %i cents as %s", (cents, text) => {
    expect(formatEuro(cents)).toBe(text);
  });

  it("refuses fractions of a cent", () => {
    expect(() => formatEuro(1.5)).toThrow(RangeError);
  });

  it("groups thousands with dots", () => {
    expect(formatInteger(95_990)).toBe("95.990");
    expect(formatInteger(1_000_000)).toBe("1.000.000");
    expect(formatInteger(999)).toBe("999");
  });

  it("writes dates as dd/mm/yyyy", () => {
    expect(formatDate("2023-01-23")).toBe("23/01/2023");
    expect(formatDate("2023-08-23T10:00:00Z")).toBe("23/08/2023");
    expect(() => formatDate("23/01/2023")).toThrow(RangeError);
  });

  it("writes file sizes as the comuni's pages do", () => {
    expect(formatFileSize(113_428)).toBe("110,77 KB");
    expect(formatFileSize(879_145)).toBe("858,54 KB");
    expect(formatFileSize(25 * 1024 * 1024)).toBe("25,00 MB");
    expect(formatFileSize(512)).toBe("512 byte");
  });
});
