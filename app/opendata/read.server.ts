/**
 * Reads an official open-data file (CSV with "," or ";", or JSON) into rows with line numbers.
 * Synchronous on purpose: the import reads, checks and writes inside one SQLite transaction,
 * so nothing else can slip a write into it, and only one chunk is in memory at a time.
 */
import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import { type CsvRecord, CsvTokenizer } from "./csv-tokenizer";
import { latestDay } from "./ente-identity";
import {
  type OfficialRow,
  REQUIRED_COLUMNS,
  type RowProblem,
  type RowSource,
  readOfficialRow,
} from "./opendata-row";

export type RawRecord =
  | { line: number; values: RowSource }
  | { line: number; problem: { column: string; reason: string } };

/** A record read and checked: its row, or what is wrong with it. */
export type CheckedRecord =
  | { line: number; row: OfficialRow }
  | { line: number; problems: RowProblem[] };

/** What a first pass learns of a file before anything is written. */
export interface FileSurvey {
  records: number;
  /** Its latest data_stato_candidatura (see latestDay), else its latest data_finanziamento. */
  latestDate: string | null;
}

export class UnreadableFile extends Error {}

/**
 * Small on purpose: a chunk's records are checked and written before the next is read, so
 * they die young; with 1 MB chunks they outlived the young generation and the heap of a
 * 100,000-row import grew to 280 MB instead of 180.
 */
const CHUNK_BYTES = 64 * 1024;

/** A missing file, a folder, no permission: a refusal naming the file, not a stack trace. */
function unreadable(path: string, error: unknown): UnreadableFile {
  const code = (error as { code?: string }).code;
  return new UnreadableFile(`file non leggibile: ${path}${code ? ` (${code})` : ""}`);
}

function* chunksOf(path: string): Generator<string> {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    throw unreadable(path, error);
  }
  try {
    const buffer = Buffer.alloc(CHUNK_BYTES);
    const decoder = new StringDecoder("utf8");
    let first = true;
    for (;;) {
      let bytesRead: number;
      try {
        bytesRead = readSync(fd, buffer, 0, CHUNK_BYTES, null);
      } catch (error) {
        throw unreadable(path, error);
      }
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

/** A first, cheap pass: how many records, and the date the file's facts are as of. */
export function surveyFile(path: string): FileSurvey {
  let records = 0;
  let latestState: string | null = null;
  let latestDecree: string | null = null;
  for (const batch of readOfficialFile(path)) {
    records += batch.length;
    for (const record of batch)
      if ("values" in record) {
        latestState = latestDay(latestState, record.values.get("data_stato_candidatura"));
        latestDecree = latestDay(latestDecree, record.values.get("data_finanziamento"));
      }
  }
  return { records, latestDate: latestState ?? latestDecree };
}

/** The file's records read and checked, a batch per chunk read. */
export function* checkedBatches(path: string): Generator<CheckedRecord[]> {
  for (const batch of readOfficialFile(path)) {
    const checked: CheckedRecord[] = [];
    for (const record of batch) {
      if ("problem" in record) {
        checked.push({ line: record.line, problems: [record.problem] });
        continue;
      }
      const result = readOfficialRow(record.values);
      checked.push(
        "problems" in result
          ? { line: record.line, problems: result.problems }
          : { line: record.line, row: result.row },
      );
    }
    yield checked;
  }
}
