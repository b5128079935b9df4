import { toCsv } from "./domain/csv";

/** A private download of rows as a CSV that opens correctly in Italian Excel. */
export function excelCsvResponse(
  rows: readonly (readonly (string | number | null)[])[],
  fileName: string,
): Response {
  return new Response(toCsv(rows, { excelItalian: true }), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
