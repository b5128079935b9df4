import { createReadStream } from "node:fs";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { readConfig } from "./config.server";
import { toCsv } from "./csv";
import { storedFilePath } from "./files.server";

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

/**
 * A stored document as a download: always an attachment; the security headers add
 * nosniff to every response, so it is never sniffed into HTML either.
 */
export function attachmentResponse(
  document: { sha256: string; sizeBytes: number; mediaType: string; originalName: string },
  cacheControl: string,
): Response {
  const stream = createReadStream(storedFilePath(readConfig().filesDir, document.sha256));
  return new Response(createReadableStreamFromReadable(stream), {
    headers: {
      "Content-Type": document.mediaType,
      "Content-Length": String(document.sizeBytes),
      "Content-Disposition": contentDisposition(document.originalName),
      "Cache-Control": cacheControl,
    },
  });
}

/** RFC 6266: an ASCII fallback plus the exact UTF-8 name. */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
