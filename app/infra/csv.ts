/**
 * A text cell a spreadsheet would run as a formula: it starts, possibly after spaces, with
 * = + - @ or a tab or carriage return (OWASP "CSV injection"). Numbers are not formulas: a
 * plain decimal such as "-1234,56" or "328160.00" is left to be read as a number.
 */
const FORMULA_START = /^\s*[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(?:[.,]\d+)?$/;

/** CSV text: RFC 4180 quoting; the Excel-Italian flavour uses ";" and starts with a BOM. */
export function toCsv(
  rows: readonly (readonly (string | number | null)[])[],
  options: { excelItalian: boolean },
): string {
  const separator = options.excelItalian ? ";" : ",";
  const cell = (value: string | number | null) => {
    let text = value === null ? "" : String(value);
    // A leading quote makes the cell text in Excel, LibreOffice and Google Sheets.
    if (typeof value === "string" && FORMULA_START.test(text) && !PLAIN_NUMBER.test(text))
      text = `'${text}`;
    const needsQuotes = text.includes(separator) || /["\r\n]/.test(text);
    return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const body = rows.map((r) => r.map(cell).join(separator)).join("\r\n");
  return `${options.excelItalian ? "\uFEFF" : ""}${body}\r\n`;
}
