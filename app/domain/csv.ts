/** CSV text: RFC 4180 quoting; the Excel-Italian flavour uses ";" and starts with a BOM. */
export function toCsv(
  rows: readonly (readonly (string | number | null)[])[],
  options: { excelItalian: boolean },
): string {
  const separator = options.excelItalian ? ";" : ",";
  const cell = (value: string | number | null) => {
    const text = value === null ? "" : String(value);
    const needsQuotes = text.includes(separator) || /["\r\n]/.test(text);
    return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const body = rows.map((r) => r.map(cell).join(separator)).join("\r\n");
  return `${options.excelItalian ? "\uFEFF" : ""}${body}\r\n`;
}
