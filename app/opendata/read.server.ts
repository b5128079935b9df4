/** Reads an official open-data file (CSV with "," or ";", or JSON) into rows with line numbers. */
import { createReadStream } from "node:fs";
import { open, readFile } from "node:fs/promises";
import { OFFICIAL_COLUMNS } from "../domain/opendata-row";
import { type CsvRecord, CsvTokenizer } from "./csv-tokenizer";

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

/** Yields the file's records in batches (one per chunk read), to keep per-record overhead low. */
export async function* readOfficialFile(path: string): AsyncGenerator<RawRecord[]> {
  const head = await firstBytes(path, 4096);
  if (/^\s*[[{]/.test(head)) {
    yield* readJson(path);
    return;
  }
  const headerLine = head.split(/\r?\n/)[0] ?? "";
  // Excel in Italy saves CSV with semicolons.
  const delimiter =
    (headerLine.match(/;/g)?.length ?? 0) > (headerLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const tokenizer = new CsvTokenizer(delimiter);
  let header: string[] | null = null;
  const toRaw = (records: CsvRecord[]): RawRecord[] => {
    const batch: RawRecord[] = [];
    for (const { line, fields } of records) {
      if (header === null) {
        header = fields.map((h) => h.trim());
        const missing = OFFICIAL_COLUMNS.filter((c) => !header?.includes(c));
        if (missing.length)
          throw new UnreadableFile(
            `Intestazione non riconosciuta: mancano le colonne ${missing.join(", ")}`,
          );
        continue;
      }
      if (fields.length !== header.length) {
        batch.push({
          line,
          problem: { column: "-", reason: `${fields.length} colonne invece di ${header.length}` },
        });
        continue;
      }
      const values: Record<string, string> = {};
      for (let i = 0; i < header.length; i++) values[header[i] as string] = fields[i] as string;
      batch.push({ line, values });
    }
    return batch;
  };
  let first = true;
  for await (const chunk of createReadStream(path, {
    encoding: "utf8",
    highWaterMark: 1 << 20,
  }) as AsyncIterable<string>) {
    const text = first ? chunk.replace(/^\uFEFF/, "") : chunk;
    first = false;
    yield toRaw(tokenizer.push(text));
  }
  yield toRaw(tokenizer.end());
  if (header === null) throw new UnreadableFile("Il file è vuoto");
}

async function* readJson(path: string): AsyncGenerator<RawRecord[]> {
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
  yield items.map((item: unknown, index): RawRecord => {
    if (item === null || typeof item !== "object") {
      return { line: index + 1, problem: { column: "-", reason: "elemento che non è un oggetto" } };
    }
    const values: Record<string, string> = {};
    for (const [key, value] of Object.entries(item))
      values[key] = value === null ? "" : String(value);
    return { line: index + 1, values };
  });
}
