/**
 * Reads an official open-data file (CSV with "," or ";", or JSON) into rows with line numbers.
 * Synchronous on purpose: the import reads, checks and writes inside one SQLite transaction,
 * so nothing else can slip a write into it, and only one chunk is in memory at a time.
 */
import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import { type CsvRecord, CsvTokenizer } from "./csv-tokenizer";
import { REQUIRED_COLUMNS, type RowSource } from "./opendata-row";

export type RawRecord =
  | { line: number; values: RowSource }
  | { line: number; problem: { column: string; reason: string } };

export class UnreadableFile extends Error {}

const CHUNK_BYTES = 1 << 20;

function* chunksOf(path: string): Generator<string> {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(CHUNK_BYTES);
    const decoder = new StringDecoder("utf8");
    let first = true;
    for (;;) {
      const bytesRead = readSync(fd, buffer, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) break;
      const text = decoder.write(buffer.subarray(0, bytesRead));
      yield first ? text.replace(/^\uFEFF/, "") : text;
      first = false;
    }
    const rest = decoder.end();
    if (rest) yield rest;
  } finally {
    closeSync(fd);
  }
}

/** A CSV record's values looked up through the header's column positions. */
class CsvRow implements RowSource {
  constructor(
    private readonly fields: string[],
    private readonly columns: ReadonlyMap<string, number>,
  ) {}

  get(column: string): string | undefined {
    const index = this.columns.get(column);
    return index === undefined ? undefined : this.fields[index];
  }
}

/** Yields the file's records in batches (one per chunk read), to keep per-record overhead low. */
export function* readOfficialFile(path: string): Generator<RawRecord[]> {
  const chunks = chunksOf(path);
  const firstChunk = chunks.next();
  const head = firstChunk.done ? "" : firstChunk.value;
  if (/^\s*[[{]/.test(head)) {
    chunks.return(undefined);
    yield* readJson(path);
    return;
  }
  const headerLine = head.split(/\r?\n/)[0] ?? "";
  // Excel in Italy saves CSV with semicolons.
  const delimiter =
    (headerLine.match(/;/g)?.length ?? 0) > (headerLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const tokenizer = new CsvTokenizer(delimiter);
  let header: string[] | null = null;
  let columns = new Map<string, number>();
  const toRaw = (records: CsvRecord[]): RawRecord[] => {
    const batch: RawRecord[] = [];
    for (const { line, fields } of records) {
      if (header === null) {
        header = fields.map((h) => h.trim());
        columns = new Map(header.map((name, index) => [name, index]));
        const missing = REQUIRED_COLUMNS.filter((c) => !columns.has(c));
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
      batch.push({ line, values: new CsvRow(fields, columns) });
    }
    return batch;
  };
  try {
    if (!firstChunk.done) yield toRaw(tokenizer.push(head));
    for (const chunk of chunks) yield toRaw(tokenizer.push(chunk));
  } finally {
    chunks.return(undefined);
  }
  yield toRaw(tokenizer.end());
  if (header === null) throw new UnreadableFile("Il file è vuoto");
}

function* readJson(path: string): Generator<RawRecord[]> {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8").replace(/^\uFEFF/, ""));
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
    const values = new Map<string, string>();
    for (const [key, value] of Object.entries(item))
      values.set(key, value === null ? "" : String(value));
    return { line: index + 1, values };
  });
}
