/**
 * For command-line scripts the server runs as background jobs (--progress-json): their
 * machine-readable output, and the check that they do not outlive the server.
 */
import { readFileSync } from "node:fs";
import { type JobMessage, jobLine } from "../../app/infra/job-messages";

export const asJob = process.argv.includes("--progress-json");

export function emit(message: JobMessage) {
  process.stdout.write(jobLine(message));
}

/** The parent as /proc says now (node's process.ppid is read once, at start). */
function currentParent(): number {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return process.ppid;
  }
}

export class ParentGone extends Error {
  constructor() {
    super("il server che ha avviato il lavoro è terminato; nessuna modifica salvata");
  }
}

/**
 * A job started by the server must not outlive it: a SIGKILL leaves children running, and
 * this one would then commit an import nobody is waiting for. Called every so many rows;
 * thrown inside the import's transaction, the error rolls it back.
 */
export function parentWatch(): () => void {
  const parent = process.ppid;
  return () => {
    if (currentParent() !== parent) throw new ParentGone();
  };
}
