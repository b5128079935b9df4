/**
 * A text cell a spreadsheet would run as a formula: it starts, possibly after spaces, with
 * = + - @ or a tab or carriage return (OWASP "CSV injection"). Numbers are not formulas: a
 * plain decimal such as "-1234,56" or "328160.00" is left to be read as a number.
 */
const FORMULA_START = /^\s*[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(?:[.,]\d+)?$/;
/**
 * The same after a separator inside the cell: a spreadsheet set for the other list
 * separator (English Excel on the ";" files, Italian Excel on the "," ones) splits the cell
 * there, and what follows starts a cell of its own.
 */
const FORMULA_AFTER_SEPARATOR = /([,;\t\r\n])(\s*[=+\-@])/g;

/** CSV text: RFC 4180 quoting; the Excel-Italian flavour uses ";" and starts with a BOM. */
export function toCsv(
  rows: readonly (readonly (string | number | null)[])[],
  options: { excelItalian: boolean },
): string {
  const separator = options.excelItalian ? ";" : ",";
  const cell = (value: string | number | null) => {
    let text = value === null ? "" : String(value);
    // A leading quote makes the cell text in Excel, LibreOffice and Google Sheets.
    if (typeof value === "string" && !PLAIN_NUMBER.test(text)) {
      // A separator at the very start is the leading case below, neutralised once.
      text = text.replace(FORMULA_AFTER_SEPARATOR, (found, sep, rest, offset) =>
        offset === 0 ? found : `${sep}'${rest}`,
      );
      if (FORMULA_START.test(text)) text = `'${text}`;
    }
    const needsQuotes = text.includes(separator) || /["\r\n]/.test(text);
    return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const body = rows.map((r) => r.map(cell).join(separator)).join("\r\n");
  return `${options.excelItalian ? "\uFEFF" : ""}${body}\r\n`;
}
