/**
 * Who holds the data folder: the server while it runs, a restore while it rewrites the
 * database. The holder's pid and start time are in a lock file in the data folder, created
 * exclusively; one left by a process that no longer exists (a crash, a power cut) is ignored.
 * A backup takes no lock: it reads a consistent copy while the server serves.
 */
import { linkSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export const LOCK_FILE = "cruscotto.lock";

export type Holder = "server" | "restore";

export interface LockInfo {
  holder: Holder;
  pid: number;
  startedAt: string;
}

/** The data folder is held by another live process, or cannot hold a lock at all. */
export class DataFolderLocked extends Error {}

export interface Lock {
  release: () => void;
}

const lockFile = (dataDir: string) => path.join(dataDir, LOCK_FILE);

function alive(pid: number): boolean {
  // Our own pid in an old lock: a previous run that had it (pid 1 in a container, say).
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLock(file: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(file, "utf8")) as LockInfo;
    return Number.isSafeInteger(info.pid) ? info : null;
  } catch {
    return null;
  }
}

function busyMessage(info: LockInfo, dataDir: string, wanted: Holder): string {
  const who = `(pid ${info.pid}, avviato il ${info.startedAt})`;
  if (info.holder === "restore")
    return `Un ripristino ${who} sta scrivendo nella cartella dati ${dataDir}: attendere che finisca, poi riprovare.`;
  if (wanted === "restore")
    return `Il server ${who} sta usando la cartella dati ${dataDir}: fermare il server (per esempio systemctl stop cruscotto), poi rieseguire npm run restore. Nulla è stato modificato.`;
  return `Un altro server ${who} sta già usando la cartella dati ${dataDir}: fermarlo prima di avviarne un altro, oppure usare un'altra CRUSCOTTO_DATA_DIR.`;
}

/** Links `draft` to `file`; false when `file` already exists. */
function link(draft: string, file: string): boolean {
  try {
    linkSync(draft, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw new DataFolderLocked(`Impossibile creare ${file}: ${(error as Error).message}`);
  }
}

/** Takes the data folder for `holder`; throws DataFolderLocked with one line saying why not. */
export function lockDataFolder(dataDir: string, holder: Holder, now = new Date()): Lock {
  const file = lockFile(dataDir);
  const info: LockInfo = { holder, pid: process.pid, startedAt: now.toISOString() };
  // Written aside, then linked into place: the link fails if a lock exists, and a lock is
  // never seen half written.
  const draft = `${file}.${process.pid}`;
  try {
    writeFileSync(draft, `${JSON.stringify(info)}\n`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DataFolderLocked(
      code === "ENOENT"
        ? `La cartella dati ${dataDir} non esiste: controllare CRUSCOTTO_DATA_DIR, eseguire npm run setup per una nuova installazione o ripristinare un backup con npm run restore.`
        : `Impossibile scrivere nella cartella dati ${dataDir} (${code}): controllare che l'utente del servizio possa scriverci.`,
    );
  }
  try {
    if (!link(draft, file)) {
      const current = readLock(file);
      if (current && alive(current.pid))
        throw new DataFolderLocked(busyMessage(current, dataDir, holder));
      rmSync(file, { force: true }); // left by a process that is gone
      if (!link(draft, file)) {
        const winner = readLock(file);
        throw new DataFolderLocked(
          winner ? busyMessage(winner, dataDir, holder) : `${file} esiste già: riprovare.`,
        );
      }
    }
  } finally {
    rmSync(draft, { force: true });
  }
  return {
    release: () => {
      if (readLock(file)?.pid === process.pid) rmSync(file, { force: true });
    },
  };
}

/**
 * For the server: holds the data folder until the process ends (normal exit, SIGTERM,
 * SIGINT); if another process holds it, prints why and exits with code 1.
 */
export function holdDataFolderForServer(dataDir: string): void {
  let lock: Lock;
  try {
    lock = lockDataFolder(dataDir, "server");
  } catch (error) {
    if (!(error instanceof DataFolderLocked)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  process.once("exit", () => lock.release());
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      lock.release();
      // Unless someone else handles the signal, end as it would have ended us.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
}
