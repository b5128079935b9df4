/**
 * The lines a command run as a background job prints with --progress-json, one JSON object
 * per line on stdout: the command writes them, the server's job runner reads them.
 */
import type { CheckResult } from "../features/conformity/site-analysis";
import type { ImportSummary, RowReport } from "../opendata/import.server";

/** How many problem rows travel back to the page (the CLI prints them all). */
export const JOB_PROBLEMS_SHOWN = 100;

export type ImportOutcome = Omit<ImportSummary, "problems">;

export type JobMessage =
  | { type: "progress"; done: number; total: number }
  | { type: "done"; summary: ImportOutcome; problemCount: number; problems: RowReport[] }
  | { type: "rejected"; problemCount: number; problems: RowReport[] }
  | { type: "failed"; message: string }
  | { type: "synced"; results: SyncedFile[] }
  | { type: "backed-up"; backup: BackupOutcome }
  | { type: "checked"; results: CheckResult[] };

/** A backup archive the job left, ready to download. */
export interface BackupOutcome {
  /** The archive's name in the backups folder. */
  file: string;
  size: number;
  /** How many uploaded files it holds. */
  files: number;
  /** What the operator must do about the session secret, if anything. */
  notice: string | null;
}

const TYPES: ReadonlySet<string> = new Set([
  "progress",
  "done",
  "rejected",
  "failed",
  "synced",
  "backed-up",
  "checked",
]);

/** One official file as the sync left it. */
export interface SyncedFile {
  url: string;
  outcome: "importato" | "invariato" | "errore";
  message: string;
}

export function jobLine(message: JobMessage): string {
  return `${JSON.stringify(message)}\n`;
}

/** A line of the child's output, or null for anything that is not one of ours. */
export function readJobLine(line: string): JobMessage | null {
  if (!line.startsWith("{")) return null;
  try {
    const value = JSON.parse(line) as { type?: unknown };
    return typeof value.type === "string" && TYPES.has(value.type) ? (value as JobMessage) : null;
  } catch {
    return null;
  }
}
