/**
 * Reads an amount typed the Italian way into cents: "155.234,00", "155234", "€ 155.234",
 * "155234,5". Returns null when it is not an amount.
 */
export function parseEuroInput(raw: string): number | null {
  const text = raw.replace(/€|\s/g, "");
  if (text === "") return null;
  let normalized: string;
  if (text.includes(",")) {
    // Comma for decimals: any dots are thousands separators and must group by three.
    if (!/^\d{1,3}(\.\d{3})*(,\d{1,2})?$|^\d+(,\d{1,2})?$/.test(text)) return null;
    normalized = text.replaceAll(".", "").replace(",", ".");
  } else if (/^\d{1,3}(\.\d{3})+$/.test(text)) {
    normalized = text.replaceAll(".", "");
  } else if (/^\d+(\.\d{1,2})?$/.test(text)) {
    normalized = text;
  } else {
    return null;
  }
  const [units = "0", decimals = ""] = normalized.split(".");
  const cents = Number(units) * 100 + Number(decimals.padEnd(2, "0"));
  return Number.isSafeInteger(cents) ? cents : null;
}

/** Cents back to what the form shows: 15523400 → "155.234,00". */
export function euroInputValue(cents: number | null): string {
  if (cents === null) return "";
  const units = String(Math.floor(cents / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${units},${String(cents % 100).padStart(2, "0")}`;
}
