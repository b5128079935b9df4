/**
 * Long jobs off the request path: each runs as a child process of a command compiled ahead of
 * time (build/cli) and tells its progress on stdout; the request that starts it answers at
 * once. Their state lives in the `job` table, so it outlives the server: a job a dead server
 * left "in corso" is marked "interrotto" by the next one (decision 008). One job per lock at
 * a time, enforced by a unique index: imports, syncs and backups share "dati" (two writers
 * would only queue on SQLite's lock, and a second file's facts depend on the first); site
 * checks lock their progetto. A job's state bumps no data version: no public page shows it,
 * and the pages that follow a job answer "no-store" (what a job writes is audited and bumps).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { setPriority } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { and, desc, eq, inArray } from "drizzle-orm";
import { type Actor, dataVersionMayHaveChanged } from "../../db/audit";
import type { Db } from "../../db/connection";
import { type JOB_KINDS, type JOB_STATES, job as jobTable } from "../../db/schema";
import { recordSiteCheck } from "../features/conformity/conformity.server";
import type { RowReport } from "../opendata/import.server";
import { removeUnfinishedArchive } from "./backup.server";
import {
  type BackupOutcome,
  type ImportOutcome,
  type JobMessage,
  readJobLine,
  type SyncedFile,
} from "./job-messages";

export type JobKind = (typeof JOB_KINDS)[number];
export type JobState = (typeof JOB_STATES)[number];

/** What an import or a sync did. */
export interface ImportReport {
  summary: ImportOutcome | null;
  problemCount: number;
  problems: RowReport[];
  files: SyncedFile[] | null;
}

export interface SiteCheckReport {
  siteUrl: string;
  total: number;
  conformi: number;
}

export interface JobParams {
  dryRun?: boolean;
  skipInvalid?: boolean;
  /** A backup's archive, absolute. */
  archive?: string;
  siteUrl?: string;
}

export type JobReport = ImportReport | BackupOutcome | SiteCheckReport;

export interface Job {
  id: number;
  kind: JobKind;
  state: JobState;
  /** 0..1 */
  progress: number;
  /** The e-mail of who started it. */
  startedBy: string;
  progettoId: number | null;
  params: JobParams;
  report: JobReport | null;
  /** Why it failed or stopped, for the page. */
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export const RUNNING: readonly JobState[] = ["in coda", "in corso"];

const WHAT: Record<JobKind, string> = {
  import: "un'importazione dei dati ufficiali",
  sync: "un aggiornamento dai dati ufficiali",
  backup: "un backup",
  "site-check": "una verifica automatica del sito di questo progetto",
};

/** Refused: the running job holds the lock the new one needs. */
export class JobBusy extends Error {
  constructor(readonly running: Job) {
    super(
      `È già in corso ${WHAT[running.kind]}, avviato da ${running.startedBy}: attendere che finisca, poi riprovare.`,
    );
  }
}

const BROKEN: Record<JobKind, string> = {
  import: "L'importazione si è interrotta per un errore: nessuna modifica salvata.",
  sync: "L'aggiornamento si è interrotto per un errore: i file già importati restano, gli altri saranno ripresi al prossimo aggiornamento.",
  backup: "Il backup non è riuscito: nessun file di backup salvato.",
  "site-check":
    "La verifica automatica si è interrotta per un errore: nessun risultato registrato.",
};

const INTERRUPTED: Record<JobKind, string> = {
  import:
    "Interrotta perché il server si è fermato mentre era in corso: nessuna modifica salvata. Ripetere l'importazione.",
  sync: "Interrotto perché il server si è fermato mentre era in corso: i file già importati restano, gli altri saranno ripresi al prossimo aggiornamento.",
  backup:
    "Interrotto perché il server si è fermato mentre era in corso: nessun file di backup salvato. Avviarne uno nuovo.",
  "site-check":
    "Interrotta perché il server si è fermato mentre era in corso: nessun risultato registrato. Ripetere la verifica.",
};

const COMMAND: Record<JobKind, string> = {
  import: "import-opendata",
  sync: "sync-opendata",
  backup: "backup",
  "site-check": "check-site",
};

/** A running job's progress as its child last said; the table gets it now and then. */
const live = new Map<number, number>();
const children = new Set<ChildProcess>();
const PROGRESS_SAVED_EVERY_MS = 2000;
const JOB_NICENESS = 10;

// A server that ends on its own terms takes its jobs with it (a SIGKILL cannot: the child
// then notices its parent is gone and gives up without saving).
process.once("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});

type Row = typeof jobTable.$inferSelect;

function toJob(row: Row): Job {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    progress: RUNNING.includes(row.state) ? (live.get(row.id) ?? row.progress) : row.progress,
    startedBy: row.startedBy,
    progettoId: row.progettoId,
    params: (row.params ?? {}) as JobParams,
    report: (row.report ?? null) as JobReport | null,
    error: row.error,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
  };
}

const recovered = new WeakSet<object>();

/**
 * Jobs "in corso" that this process did not start were left by a server that died: they are
 * marked "interrotto", and what a backup left half-written is removed. Runs once per process,
 * before any other use of the table (no job of this process can be running by then).
 */
export function recoverInterruptedJobs(db: Db): number {
  if (recovered.has(db.$client)) return 0;
  recovered.add(db.$client);
  const left = db
    .select()
    .from(jobTable)
    .where(inArray(jobTable.state, [...RUNNING]))
    .all();
  if (left.length === 0) return 0;
  const now = new Date().toISOString();
  db.transaction((tx) => {
    for (const row of left)
      tx.update(jobTable)
        .set({ state: "interrotto", error: INTERRUPTED[row.kind], finishedAt: now })
        .where(eq(jobTable.id, row.id))
        .run();
  });
  for (const row of left) {
    const archive = (row.params as JobParams | null)?.archive;
    if (row.kind === "backup" && archive) removeUnfinishedArchive(archive);
  }
  console.log(
    `Lavori lasciati a metà da un server terminato, segnati come interrotti: ${left.length}`,
  );
  return left.length;
}

export function getJob(db: Db, id: number): Job | null {
  recoverInterruptedJobs(db);
  const row = db.select().from(jobTable).where(eq(jobTable.id, id)).get();
  return row ? toJob(row) : null;
}

/** The latest jobs of a kind (of one progetto, for site checks), newest first. */
export function latestJobs(db: Db, kind: JobKind, limit: number, progettoId?: number): Job[] {
  recoverInterruptedJobs(db);
  return db
    .select()
    .from(jobTable)
    .where(
      and(
        eq(jobTable.kind, kind),
        progettoId === undefined ? undefined : eq(jobTable.progettoId, progettoId),
      ),
    )
    .orderBy(desc(jobTable.id))
    .limit(limit)
    .all()
    .map(toJob);
}

interface JobRequest {
  db: Db;
  dataDir: string;
  startedBy: Actor;
}

export interface ImportJobRequest extends JobRequest {
  /** The uploaded file: the job deletes it when it ends. */
  file: string;
  dryRun: boolean;
  skipInvalid: boolean;
}

export function startImportJob(request: ImportJobRequest): Job {
  const args = [request.file];
  if (request.dryRun) args.push("--dry-run");
  if (request.skipInvalid) args.push("--skip-invalid");
  return start(request, {
    kind: "import",
    lock: "dati",
    args,
    params: { dryRun: request.dryRun, skipInvalid: request.skipInvalid },
    cleanup: () => rmSync(request.file, { force: true }),
  });
}

/** Downloads and imports the official files (base URL: OPENDATA_BASE_URL or the default). */
export function startSyncJob(request: JobRequest): Job {
  return start(request, { kind: "sync", lock: "dati", args: [], params: {} });
}

/** Where the backups made from the admin page are kept, inside the data folder. */
export function backupsDir(dataDir: string): string {
  return path.join(dataDir, "backups");
}

/** Backups kept in the data folder; older archives are removed when a new one is made. */
export const KEPT_BACKUPS = 3;

export interface BackupListed extends Job {
  /** The archive, while it is kept. */
  download: BackupOutcome | null;
}

/** The latest backups with their archive, for the admin page. */
export function backupsOf(db: Db, dataDir: string): BackupListed[] {
  return latestJobs(db, "backup", 10).map((j) => {
    const outcome = j.state === "riuscito" ? (j.report as BackupOutcome) : null;
    const kept = outcome && existsSync(path.join(backupsDir(dataDir), path.basename(outcome.file)));
    return { ...j, download: kept ? outcome : null };
  });
}

/** A finished backup's archive on disk, or null. */
export function downloadableBackup(db: Db, dataDir: string, id: number) {
  const found = getJob(db, id);
  if (found?.kind !== "backup" || found.state !== "riuscito") return null;
  const outcome = found.report as BackupOutcome;
  const file = path.join(backupsDir(dataDir), path.basename(outcome.file));
  if (!existsSync(file)) return null;
  return { path: file, file: path.basename(file), size: statSync(file).size };
}

function pruneBackups(db: Db) {
  const older = db
    .select()
    .from(jobTable)
    .where(and(eq(jobTable.kind, "backup"), eq(jobTable.state, "riuscito")))
    .orderBy(desc(jobTable.id))
    .all()
    .slice(KEPT_BACKUPS);
  for (const row of older) {
    const archive = (row.params as JobParams | null)?.archive;
    if (archive) rmSync(archive, { force: true });
  }
}

/** A .tar.gz in the data folder's backups; see createBackupArchive. */
export function startBackupJob(request: JobRequest, now = new Date()): Job {
  const dir = backupsDir(request.dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const archive = path.join(
    dir,
    `cruscotto-${now
      .toISOString()
      .replace(/[:.]/g, "-")
      .replace(/-\d{3}Z$/, "Z")}.tar.gz`,
  );
  return start(request, {
    kind: "backup",
    lock: "dati",
    args: ["--archive", archive],
    params: { archive },
    cleanup: () => removeUnfinishedArchive(archive),
  });
}

export interface SiteCheckJobRequest extends JobRequest {
  progettoId: number;
  siteUrl: string;
  /** Test setting: local and private addresses too (CRUSCOTTO_SITE_CHECK_ALLOW_PRIVATE). */
  allowPrivate: boolean;
}

/** Reads the site in a child; the results are recorded as evidence here, with the job's end. */
export function startSiteCheckJob(request: SiteCheckJobRequest): Job {
  const args = [request.siteUrl];
  if (request.allowPrivate) args.push("--allow-private");
  return start(request, {
    kind: "site-check",
    lock: `progetto:${request.progettoId}`,
    args,
    params: { siteUrl: request.siteUrl },
    progettoId: request.progettoId,
  });
}

interface JobSpec {
  kind: JobKind;
  lock: string;
  args: string[];
  params: JobParams;
  progettoId?: number;
  cleanup?: () => void;
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === "SQLITE_CONSTRAINT_UNIQUE";
}

function start(request: JobRequest, spec: JobSpec): Job {
  const { db } = request;
  recoverInterruptedJobs(db);
  let row: Row;
  try {
    row = db.transaction((tx) => {
      const inserted = tx
        .insert(jobTable)
        .values({
          kind: spec.kind,
          lock: spec.lock,
          startedBy: request.startedBy.label,
          startedByUserId: request.startedBy.userId,
          progettoId: spec.progettoId ?? null,
          params: spec.params,
        })
        .returning()
        .get();
      return inserted;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const running = db
      .select()
      .from(jobTable)
      .where(and(eq(jobTable.lock, spec.lock), inArray(jobTable.state, [...RUNNING])))
      .get();
    // It ended between the insert and this read: the lock is free again.
    if (!running) return start(request, spec);
    spec.cleanup?.();
    throw new JobBusy(toJob(running));
  }
  run(request, spec, row);
  return toJob(row);
}

/** Writes a state change; retried while another process holds the write lock. */
function save(db: Db, id: number, change: Partial<Row>, also?: (tx: Db) => void, attempt = 0) {
  try {
    db.transaction((tx) => {
      also?.(tx as unknown as Db);
      tx.update(jobTable).set(change).where(eq(jobTable.id, id)).run();
    });
  } catch (error) {
    if ((error as { code?: string }).code !== "SQLITE_BUSY" || attempt >= 10) throw error;
    setTimeout(() => save(db, id, change, also, attempt + 1), 1000).unref();
  }
}

/** Progress is saved now and then, and never waits: a busy database skips this tick. */
function saveProgress(db: Db, id: number, progress: number) {
  const sqlite = db.$client;
  const timeout = sqlite.pragma("busy_timeout", { simple: true }) as number;
  sqlite.pragma("busy_timeout = 0");
  try {
    db.update(jobTable).set({ progress }).where(eq(jobTable.id, id)).run();
  } catch (error) {
    if ((error as { code?: string }).code !== "SQLITE_BUSY") throw error;
  } finally {
    sqlite.pragma(`busy_timeout = ${timeout}`);
  }
}

function run(request: JobRequest, spec: JobSpec, row: Row) {
  const { db } = request;
  const id = row.id;
  const label = `Lavoro ${id} (${spec.kind})`;
  const script = path.resolve("build/cli", `${COMMAND[spec.kind]}.js`);
  const child = spawn(process.execPath, [script, ...spec.args, "--progress-json"], {
    env: { ...process.env, CRUSCOTTO_DATA_DIR: request.dataDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  // Behind the requests when the processor is short: the job may wait, a page may not.
  if (child.pid) setPriority(child.pid, JOB_NICENESS);
  live.set(id, 0);
  child.once("spawn", () =>
    save(db, id, { state: "in corso", startedAt: new Date().toISOString() }),
  );
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    // The last words only: enough to say why it stopped.
    stderr = (stderr + String(chunk)).slice(-2000);
  });
  const report: ImportReport = { summary: null, problemCount: 0, problems: [], files: null };
  let outcome: { report: JobReport; also?: (tx: Db) => void } | null = null;
  let error: string | null = null;
  let savedAt = Date.now();
  const onMessage = (message: JobMessage) => {
    switch (message.type) {
      case "progress": {
        const progress = message.total > 0 ? Math.min(1, message.done / message.total) : 0;
        live.set(id, progress);
        if (Date.now() - savedAt >= PROGRESS_SAVED_EVERY_MS) {
          savedAt = Date.now();
          saveProgress(db, id, progress);
        }
        return;
      }
      case "done":
        report.summary = message.summary;
        report.problemCount = message.problemCount;
        report.problems = message.problems;
        outcome = { report };
        return;
      case "synced":
        report.files = message.results;
        outcome = { report };
        return;
      case "rejected":
        error = `${message.problemCount} problemi: nessuna modifica salvata. Correggere il file o scegliere di saltare le righe non valide.`;
        report.problemCount = message.problemCount;
        report.problems = message.problems;
        return;
      case "failed":
        error = message.message;
        return;
      case "backed-up":
        outcome = { report: message.backup };
        return;
      case "checked": {
        const { results } = message;
        const siteUrl = spec.params.siteUrl ?? "";
        outcome = {
          report: {
            siteUrl,
            total: results.length,
            conformi: results.filter((r) => r.outcome === "conforme").length,
          },
          also: (tx) =>
            recordSiteCheck(tx, request.startedBy, spec.progettoId ?? 0, siteUrl, results),
        };
      }
    }
  };
  if (child.stdout)
    createInterface({ input: child.stdout }).on("line", (line) => {
      const message = readJobLine(line);
      if (message) onMessage(message);
    });
  let ended = false;
  const finish = (code: number | null) => {
    if (ended) return;
    ended = true;
    children.delete(child);
    live.delete(id);
    spec.cleanup?.();
    // The child wrote through its own connection: kept pages must not wait to see it.
    dataVersionMayHaveChanged();
    const finishedAt = new Date().toISOString();
    const done = outcome as { report: JobReport; also?: (tx: Db) => void } | null;
    try {
      // A sync reports each file's failure itself, and exits 1 for cron when one failed.
      if (done) {
        save(
          db,
          id,
          { state: "riuscito", progress: 1, report: done.report, finishedAt },
          done.also,
        );
        if (spec.kind === "backup") setImmediate(() => pruneBackups(db));
        return;
      }
      if (!error) console.error(`${label}: uscito con codice ${code}:\n${stderr}`);
      const hasProblems = report.problems.length > 0;
      save(db, id, {
        state: "fallito",
        error: error ?? BROKEN[spec.kind],
        report: hasProblems ? report : null,
        finishedAt,
      });
    } catch (failure) {
      console.error(`${label}: esito non salvato: ${(failure as Error).message}`);
      try {
        save(db, id, { state: "fallito", error: BROKEN[spec.kind], finishedAt });
      } catch {
        // Left "in corso": the next start of the server marks it interrupted.
      }
    }
  };
  // "close", not "exit": the last lines of stdout are read by then.
  child.on("close", finish);
  child.on("error", (failure) => {
    console.error(`${label}: non avviato: ${failure.message}`);
    finish(null);
  });
}
