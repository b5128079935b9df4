/**
 * Long jobs off the request path: each runs as a child process of a command compiled ahead of
 * time (build/cli), and the server keeps only its state in memory for the page that follows
 * it. One import at a time: two writers would only queue on SQLite's lock, and the second
 * file's facts depend on the first.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import type { RowReport } from "../opendata/import.server";
import { type ImportOutcome, readJobLine } from "./job-messages";

export interface Job {
  id: string;
  kind: "import";
  startedAt: string;
  /** The e-mail of the administrator who started it. */
  startedBy: string;
  dryRun: boolean;
  /** 0..1 */
  progress: number;
  status: "running" | "done" | "failed";
  summary: ImportOutcome | null;
  problemCount: number;
  problems: RowReport[];
  /** Why it failed, for the page. */
  error: string | null;
}

export class JobBusy extends Error {
  constructor() {
    super("È già in corso un'importazione: attendere che finisca prima di avviarne un'altra.");
  }
}

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

export interface ImportJobRequest {
  /** The uploaded file: the job deletes it when it ends. */
  file: string;
  dataDir: string;
  startedBy: string;
  dryRun: boolean;
  skipInvalid: boolean;
}

export function startImportJob(request: ImportJobRequest): Job {
  if ([...jobs.values()].some((j) => j.kind === "import" && j.status === "running"))
    throw new JobBusy();
  const args = [path.resolve("build/cli/import-opendata.js"), request.file, "--progress-json"];
  if (request.dryRun) args.push("--dry-run");
  if (request.skipInvalid) args.push("--skip-invalid");
  const job: Job = {
    id: randomUUID(),
    kind: "import",
    startedAt: new Date().toISOString(),
    startedBy: request.startedBy,
    dryRun: request.dryRun,
    progress: 0,
    status: "running",
    summary: null,
    problemCount: 0,
    problems: [],
    error: null,
  };
  remember(job);
  const child = spawn(process.execPath, args, {
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
      } else if (message.type === "rejected") {
        job.error = `${message.problemCount} problemi: nessuna modifica salvata. Correggere il file o scegliere di saltare le righe non valide.`;
        job.problemCount = message.problemCount;
        job.problems = message.problems;
      } else job.error = message.message;
    });
  const finish = (code: number | null) => {
    if (job.status !== "running") return;
    children.delete(child);
    rmSync(request.file, { force: true });
    if (code === 0 && job.summary) {
      job.status = "done";
      job.progress = 1;
      return;
    }
    job.status = "failed";
    if (!job.error) {
      console.error(`Importazione ${job.id} terminata con codice ${code}:\n${stderr}`);
      job.error = "L'importazione si è interrotta per un errore: nessuna modifica salvata.";
    }
  };
  // "close", not "exit": the last lines of stdout are read by then.
  child.on("close", finish);
  child.on("error", (error) => {
    console.error(`Importazione ${job.id} non avviata: ${error.message}`);
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
