import { describe, expect, it } from "vitest";
import { parseOfficialAmount } from "~/opendata/opendata-row";

/** The plain definition the fast scan must match: digits, optional "." or Excel "," decimals. */
function oracle(value: string): number | null {
  const text = value.replace(/^(\d+),(\d{1,2})$/, "$1.$2");
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const [units = "", decimals = ""] = text.split(".");
  const third = Number(decimals[2] ?? "0");
  return Number(units) * 100 + Number(decimals.slice(0, 2).padEnd(2, "0")) + (third >= 5 ? 1 : 0);
}

describe("parseOfficialAmount", () => {
  it("reads the official and the Excel forms into cents", () => {
    expect(parseOfficialAmount("155234.0")).toBe(15_523_400);
    expect(parseOfficialAmount("155234,00")).toBe(15_523_400);
    expect(parseOfficialAmount("7301")).toBe(730_100);
    expect(parseOfficialAmount("0.5")).toBe(50);
  });

  it("refuses what is not an amount", () => {
    for (const bad of [
      "",
      "centomila",
      "1.2.3",
      ".5",
      "12.",
      "-5",
      "1 000",
      "1,234",
      "1,2,3",
      "€5",
    ])
      expect(parseOfficialAmount(bad), bad).toBeNull();
  });

  it("agrees with the plain definition on every string of digits and separators up to 5 characters", () => {
    const alphabet = ["0", "1", "5", "9", ".", ","];
    const wrong: string[] = [];
    const visit = (prefix: string) => {
      if (parseOfficialAmount(prefix) !== oracle(prefix)) wrong.push(prefix);
      if (prefix.length < 5) for (const c of alphabet) visit(prefix + c);
    };
    visit("");
    expect(wrong).toEqual([]);
  });
});
