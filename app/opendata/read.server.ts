/** Reads an official open-data file (CSV with "," or ";", or JSON) into rows with line numbers. */
import { createReadStream } from "node:fs";
import { open, readFile } from "node:fs/promises";
import { parse } from "csv-parse";
import { OFFICIAL_COLUMNS } from "../domain/opendata-row";

export type RawRecord =
  | { line: number; values: Record<string, string> }
  | { line: number; problem: { column: string; reason: string } };

export class UnreadableFile extends Error {}

async function firstBytes(path: string, size: number): Promise<string> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(size);
    const { bytesRead } = await handle.read(buffer, 0, size, 0);
    return buffer
      .subarray(0, bytesRead)
      .toString("utf8")
      .replace(/^\uFEFF/, "");
  } finally {
    await handle.close();
  }
}

export async function* readOfficialFile(path: string): AsyncGenerator<RawRecord> {
  const head = await firstBytes(path, 4096);
  if (/^\s*[[{]/.test(head)) {
    yield* readJson(path);
    return;
  }
  const headerLine = head.split(/\r?\n/)[0] ?? "";
  // Excel in Italy saves CSV with semicolons.
  const delimiter =
    (headerLine.match(/;/g)?.length ?? 0) > (headerLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const parser = createReadStream(path).pipe(
    parse({ bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, info: true }),
  );
  let header: string[] | null = null;
  for await (const { record, info } of parser as AsyncIterable<{
    record: string[];
    info: { lines: number };
  }>) {
    if (header === null) {
      header = record.map((h) => h.trim());
      const missing = OFFICIAL_COLUMNS.filter((c) => !header?.includes(c));
      if (missing.length)
        throw new UnreadableFile(
          `Intestazione non riconosciuta: mancano le colonne ${missing.join(", ")}`,
        );
      continue;
    }
    if (record.length !== header.length) {
      yield {
        line: info.lines,
        problem: { column: "-", reason: `${record.length} colonne invece di ${header.length}` },
      };
      continue;
    }
    const values: Record<string, string> = {};
    header.forEach((name, i) => {
      values[name] = record[i] ?? "";
    });
    yield { line: info.lines, values };
  }
  if (header === null) throw new UnreadableFile("Il file è vuoto");
}

async function* readJson(path: string): AsyncGenerator<RawRecord> {
  let data: unknown;
  try {
    data = JSON.parse((await readFile(path, "utf8")).replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new UnreadableFile(`JSON non valido: ${(error as Error).message}`);
  }
  const items = Array.isArray(data)
    ? data
    : ((data as { data?: unknown; records?: unknown })?.data ??
      (data as { records?: unknown })?.records);
  if (!Array.isArray(items))
    throw new UnreadableFile("Il JSON deve essere un elenco di candidature");
  let index = 0;
  for (const item of items) {
    index += 1;
    if (item === null || typeof item !== "object") {
      yield { line: index, problem: { column: "-", reason: "elemento che non è un oggetto" } };
      continue;
    }
    const values: Record<string, string> = {};
    for (const [key, value] of Object.entries(item))
      values[key] = value === null ? "" : String(value);
    yield { line: index, values };
  }
}
