/**
 * An RFC 4180 CSV tokenizer fed chunk by chunk: quoted fields with doubled quotes and line
 * breaks inside, CRLF or LF, any one-character delimiter. It reports each record with the
 * line it started on. Written for speed: the general-purpose parser took 45 µs a row here.
 */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export class CsvTokenizer {
  private field = "";
  private fields: string[] = [];
  private inQuotes = false;
  /** After a closing quote inside a quoted field: a second quote means a literal one. */
  private quotePending = false;
  private line = 1;
  private recordLine = 1;
  private fieldStarted = false;

  constructor(private readonly delimiter: string) {}

  /** Consumes a chunk and returns the records it completed. */
  push(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    const d = this.delimiter;
    let i = 0;
    const n = chunk.length;
    while (i < n) {
      if (this.atRecordStart()) {
        // Fast path: a whole line without quotes is split natively.
        const end = chunk.indexOf("\n", i);
        if (end !== -1) {
          const line =
            chunk.charCodeAt(end - 1) === 13 ? chunk.slice(i, end - 1) : chunk.slice(i, end);
          if (line.indexOf('"') === -1) {
            if (line !== "") out.push({ line: this.line, fields: line.split(d) });
            this.line += 1;
            this.recordLine = this.line;
            i = end + 1;
            continue;
          }
        }
      }
      const c = chunk[i] as string;
      if (this.inQuotes) {
        if (this.quotePending) {
          this.quotePending = false;
          if (c === '"') {
            this.field += '"';
            i += 1;
            continue;
          }
          this.inQuotes = false;
          continue; // re-read c outside quotes
        }
        if (c === '"') {
          this.quotePending = true;
          i += 1;
          continue;
        }
        // Copy the run of plain characters at once.
        let j = i;
        while (j < n && chunk[j] !== '"') {
          if (chunk[j] === "\n") this.line += 1;
          j += 1;
        }
        this.field += chunk.slice(i, j);
        i = j;
        continue;
      }
      if (c === '"' && !this.fieldStarted) {
        this.inQuotes = true;
        this.fieldStarted = true;
        i += 1;
      } else if (c === d) {
        this.endField();
        i += 1;
      } else if (c === "\n") {
        this.endRecord(out);
        this.line += 1;
        this.recordLine = this.line;
        i += 1;
      } else if (c === "\r") {
        i += 1;
      } else {
        let j = i;
        while (j < n) {
          const x = chunk[j];
          if (x === d || x === "\n" || x === "\r") break;
          j += 1;
        }
        this.field += chunk.slice(i, j);
        this.fieldStarted = true;
        i = j;
      }
    }
    return out;
  }

  private atRecordStart(): boolean {
    return !this.inQuotes && !this.fieldStarted && this.field === "" && this.fields.length === 0;
  }

  /** Ends the input: a last record without a final line break still counts. */
  end(): CsvRecord[] {
    const out: CsvRecord[] = [];
    if (this.quotePending) this.inQuotes = false;
    if (this.fieldStarted || this.fields.length > 0) this.endRecord(out);
    return out;
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = "";
    this.fieldStarted = false;
  }

  private endRecord(out: CsvRecord[]): void {
    this.endField();
    // A blank line is no record.
    if (!(this.fields.length === 1 && this.fields[0] === ""))
      out.push({ line: this.recordLine, fields: this.fields });
    this.fields = [];
  }
}
