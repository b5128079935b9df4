/**
 * Long jobs off the request path: each runs as a child process of a command compiled ahead of
 * time (build/cli), and the server keeps only its state in memory for the page that follows
 * it. One import or sync at a time: two writers would only queue on SQLite's lock, and the
 * second file's facts depend on the first.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import type { RowReport } from "../opendata/import.server";
import { type ImportOutcome, readJobLine, type SyncedFile } from "./job-messages";

export type JobKind = "import" | "sync";

export interface Job {
  id: string;
  kind: JobKind;
  startedAt: string;
  /** The e-mail of the administrator who started it. */
  startedBy: string;
  dryRun: boolean;
  /** 0..1 */
  progress: number;
  status: "running" | "done" | "failed";
  /** An import's outcome. */
  summary: ImportOutcome | null;
  problemCount: number;
  problems: RowReport[];
  /** A sync's outcome, file by file. */
  files: SyncedFile[] | null;
  /** Why it failed, for the page. */
  error: string | null;
}

export class JobBusy extends Error {
  constructor() {
    super(
      "È già in corso un'importazione dei dati ufficiali: attendere che finisca prima di avviarne un'altra.",
    );
  }
}

const LABEL: Record<JobKind, string> = { import: "Importazione", sync: "Aggiornamento" };
const BROKEN: Record<JobKind, string> = {
  import: "L'importazione si è interrotta per un errore: nessuna modifica salvata.",
  sync: "L'aggiornamento si è interrotto per un errore: i file già importati restano, gli altri saranno ripresi al prossimo aggiornamento.",
};

/** Finished jobs stay readable for their page; only the latest few are kept. */
const KEPT = 20;
const jobs = new Map<string, Job>();
const children = new Set<ChildProcess>();

// A server that ends on its own terms takes its jobs with it (a SIGKILL cannot: the child
// then notices its parent is gone and abandons its transaction).
process.once("exit", () => {
  for (const child of children) child.kill("SIGKILL");
});

export function getJob(id: string): Job | null {
  return jobs.get(id) ?? null;
}

interface JobRequest {
  dataDir: string;
  startedBy: string;
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
  return start("import", "import-opendata", args, request, request.dryRun, () =>
    rmSync(request.file, { force: true }),
  );
}

/** Downloads and imports the official files (base URL: OPENDATA_BASE_URL or the default). */
export function startSyncJob(request: JobRequest): Job {
  return start("sync", "sync-opendata", [], request, false, () => {});
}

function start(
  kind: JobKind,
  command: string,
  args: string[],
  request: JobRequest,
  dryRun: boolean,
  cleanup: () => void,
): Job {
  if ([...jobs.values()].some((j) => j.status === "running")) throw new JobBusy();
  const job: Job = {
    id: randomUUID(),
    kind,
    startedAt: new Date().toISOString(),
    startedBy: request.startedBy,
    dryRun,
    progress: 0,
    status: "running",
    summary: null,
    problemCount: 0,
    problems: [],
    files: null,
    error: null,
  };
  remember(job);
  const script = path.resolve("build/cli", `${command}.js`);
  const child = spawn(process.execPath, [script, ...args, "--progress-json"], {
    env: { ...process.env, CRUSCOTTO_DATA_DIR: request.dataDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    // The last words only: enough to say why it stopped.
    stderr = (stderr + String(chunk)).slice(-2000);
  });
  if (child.stdout)
    createInterface({ input: child.stdout }).on("line", (line) => {
      const message = readJobLine(line);
      if (!message) return;
      if (message.type === "progress")
        job.progress = message.total > 0 ? Math.min(1, message.done / message.total) : 0;
      else if (message.type === "done") {
        job.summary = message.summary;
        job.problemCount = message.problemCount;
        job.problems = message.problems;
      } else if (message.type === "synced") job.files = message.results;
      else if (message.type === "rejected") {
        job.error = `${message.problemCount} problemi: nessuna modifica salvata. Correggere il file o scegliere di saltare le righe non valide.`;
        job.problemCount = message.problemCount;
        job.problems = message.problems;
      } else job.error = message.message;
    });
  const finish = (code: number | null) => {
    if (job.status !== "running") return;
    children.delete(child);
    cleanup();
    // A sync reports each file's failure itself, and exits 1 for cron when one failed.
    if (job.summary || job.files) {
      job.status = "done";
      job.progress = 1;
      return;
    }
    job.status = "failed";
    if (!job.error) {
      console.error(`${LABEL[kind]} ${job.id}: uscito con codice ${code}:\n${stderr}`);
      job.error = BROKEN[kind];
    }
  };
  // "close", not "exit": the last lines of stdout are read by then.
  child.on("close", finish);
  child.on("error", (error) => {
    console.error(`${LABEL[kind]} ${job.id}: non avviato: ${error.message}`);
    finish(null);
  });
  return job;
}

function remember(job: Job) {
  jobs.set(job.id, job);
  for (const old of jobs.values()) {
    if (jobs.size <= KEPT) break;
    if (old.status !== "running") jobs.delete(old.id);
  }
}
