/**
 * Who holds the data folder: the server while it runs, a restore while it rewrites the
 * database. The holder's pid and start time are in a lock file in the data folder, created
 * exclusively; one left by a process that no longer exists (a crash, a power cut) is ignored.
 * A backup takes no lock: it reads a consistent copy while the server serves.
 */
import { linkSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
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

/** Is the process that wrote this lock still running? */
function alive(info: LockInfo): boolean {
  // Our own pid in an old lock: a previous run that had it (pid 1 in a container, say).
  if (info.pid === process.pid) return false;
  try {
    process.kill(info.pid, 0);
  } catch (error) {
    // EPERM: it exists, under another user.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  // A pid is reused after a crash and a reboot: a process that started after the lock was
  // taken is not the one that took it.
  const started = processStartedAt(info.pid);
  return started === null || started <= Date.parse(info.startedAt) + 5_000;
}

/** When a process started (Linux /proc), in ms since the epoch; null where unknown. */
function processStartedAt(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 22, counted after the command name in parentheses (which may hold spaces).
    const ticks = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]);
    const boot = Number(/^btime (\d+)$/m.exec(readFileSync("/proc/stat", "utf8"))?.[1]);
    if (!Number.isFinite(ticks) || !Number.isFinite(boot)) return null;
    // USER_HZ is 100 on every Linux the app runs on.
    return boot * 1000 + ticks * 10;
  } catch {
    return null;
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

/**
 * Removes a lock left by a process that is gone. Two processes may find the same stale lock:
 * only the one that takes the short-lived breaker removes it, and only if it is still that
 * same stale lock, so neither can delete the other's fresh one.
 */
function breakStaleLock(file: string, draft: string, stale: LockInfo | null): void {
  const breaker = `${file}.break`;
  // A breaker older than a few seconds was left by a crash in the middle of this.
  try {
    if (Date.now() - statSync(breaker).mtimeMs > 10_000) rmSync(breaker, { force: true });
  } catch {
    // no breaker
  }
  if (!link(draft, breaker)) return;
  try {
    const now = readLock(file);
    const same = now?.pid === stale?.pid && now?.startedAt === stale?.startedAt;
    if (same) rmSync(file, { force: true });
  } finally {
    rmSync(breaker, { force: true });
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
      if (current && alive(current))
        throw new DataFolderLocked(busyMessage(current, dataDir, holder));
      breakStaleLock(file, draft, current);
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
