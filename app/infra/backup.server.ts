/**
 * Backups: an online, consistent copy of the SQLite database (SQLite's backup API, so the
 * app may keep serving) plus the uploaded files and the session secret file, with a manifest
 * of SHA-256 hashes; and the restore, which verifies every hash before it touches the data
 * folder, and refuses to run while a server holds it.
 */
import { createHash } from "node:crypto";
import {
  closeSync,
  copyFileSync,
  createReadStream,
  existsSync,
  fdatasyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import path from "node:path";
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import Database from "better-sqlite3";
import { unavailable } from "../../db/connection";
import { readConfig } from "./config.server";
import { lockDataFolder } from "./server-lock.server";

export interface ManifestEntry {
  path: string;
  sha256: string;
  size: number;
}

export interface Manifest {
  format: "cruscotto-pnrr-backup-1";
  createdAt: string;
  database: ManifestEntry;
  files: ManifestEntry[];
  /** The data folder's session secret file: without it, a restored server cannot start. */
  sessionSecret?: ManifestEntry;
  /** The server read its secret from this variable: the restored server must have it too. */
  sessionSecretFromEnvironment?: "CRUSCOTTO_SESSION_SECRET";
}

/** Names inside a data folder, as config.server.ts lays it out; a backup mirrors them. */
function layout(dataDir: string) {
  const config = readConfig({ CRUSCOTTO_DATA_DIR: dataDir });
  const relative = (file: string) => path.relative(config.dataDir, file);
  return {
    database: relative(config.databaseFile),
    files: relative(config.filesDir),
    sessionSecret: relative(config.sessionSecretFile),
  };
}

/** Copies a secret so that only its owner can read it, at no moment otherwise. */
function copySecret(from: string, to: string) {
  rmSync(to, { force: true });
  writeFileSync(to, readFileSync(from), { mode: 0o600, flag: "wx" });
}

/** What the operator must do about the session secret on the restored server, if anything. */
export function sessionSecretNotice(manifest: Manifest): string | null {
  if (!manifest.sessionSecretFromEnvironment) return null;
  return `Il segreto delle sessioni veniva da ${manifest.sessionSecretFromEnvironment}, che non è nel backup: impostare la stessa variabile, con lo stesso valore, sul server ripristinato.`;
}

function hashFile(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

function entry(root: string, relative: string): ManifestEntry {
  const file = path.join(root, relative);
  return { path: relative, sha256: hashFile(file), size: statSync(file).size };
}

function listFiles(dir: string, prefix = ""): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? listFiles(path.join(dir, d.name), path.join(prefix, d.name))
      : [path.join(prefix, d.name)],
  );
}

/** Read-only; a damaged or missing file is reported as such, not as a failed copy. */
function openSource(file: string): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.prepare("select count(*) from sqlite_master").get();
    return db;
  } catch (error) {
    db?.close();
    throw unavailable(file, error);
  }
}

export interface BackupOptions {
  secretFromEnvironment?: boolean;
  now?: Date;
  /** 0..1 as the copy goes on; the database is about half the work, the files the rest. */
  onProgress?: (share: number) => void;
}

export async function createBackup(dataDir: string, outDir: string, options: BackupOptions = {}) {
  const report = options.onProgress ?? (() => {});
  const names = layout(dataDir);
  if (existsSync(outDir) && readdirSync(outDir).length > 0)
    throw new Error(`La cartella ${outDir} esiste e non è vuota`);
  const databaseFile = path.join(dataDir, names.database);
  const source = openSource(databaseFile);
  try {
    mkdirSync(outDir, { recursive: true });
    const copy = path.join(outDir, names.database);
    const pageSize = source.pragma("page_size", { simple: true }) as number;
    let copied: number | null = null;
    let unsynced = 0;
    try {
      await source.backup(copy, {
        progress: ({ totalPages, remainingPages }) => {
          report(totalPages > 0 ? 0.5 * (1 - remainingPages / totalPages) : 0.5);
          // Written out as it goes, see SYNC_BYTES.
          unsynced += STEP_PAGES;
          if (unsynced * pageSize >= SYNC_BYTES) {
            copied ??= openSync(copy, "r");
            fdatasyncSync(copied);
            unsynced = 0;
          }
          return STEP_PAGES;
        },
      });
    } finally {
      if (copied !== null) closeSync(copied);
    }
  } finally {
    source.close();
  }
  const filesDir = path.join(dataDir, names.files);
  const listed = listFiles(filesDir);
  const files = listed.map((relative, i) => {
    report(0.5 + (0.5 * i) / Math.max(1, listed.length));
    const target = path.join(outDir, names.files, relative);
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(path.join(filesDir, relative), target);
    return entry(outDir, path.join(names.files, relative));
  });
  const secretFile = path.join(dataDir, names.sessionSecret);
  let sessionSecret: ManifestEntry | undefined;
  if (existsSync(secretFile)) {
    copySecret(secretFile, path.join(outDir, names.sessionSecret));
    sessionSecret = entry(outDir, names.sessionSecret);
  }
  const manifest: Manifest = {
    format: "cruscotto-pnrr-backup-1",
    createdAt: (options.now ?? new Date()).toISOString(),
    database: entry(outDir, names.database),
    files,
    ...(sessionSecret ? { sessionSecret } : {}),
    ...(options.secretFromEnvironment
      ? { sessionSecretFromEnvironment: "CRUSCOTTO_SESSION_SECRET" as const }
      : {}),
  };
  writeFileSync(path.join(outDir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  report(1);
  return manifest;
}

/**
 * A backup as one .tar.gz to download: the folder createBackup writes, under a folder named
 * as the archive. Built as ARCHIVE.tmp and ARCHIVE.part, renamed only when complete, so a
 * failure or a crash never leaves a file that looks like a backup (leftovers: see
 * removeUnfinishedArchive).
 */
export async function createBackupArchive(
  dataDir: string,
  archive: string,
  options: BackupOptions = {},
) {
  const report = options.onProgress ?? (() => {});
  const name = path.basename(archive).replace(/\.tar\.gz$/, "");
  const staging = `${archive}.tmp`;
  const folder = path.join(staging, name);
  try {
    removeUnfinishedArchive(archive);
    const manifest = await createBackup(dataDir, folder, {
      ...options,
      onProgress: (share) => report(0.7 * share),
    });
    await writeTarGz(staging, [name, ...listFiles(folder).map((f) => path.join(name, f))], {
      out: `${archive}.part`,
      onProgress: (share) => report(0.7 + 0.3 * share),
    });
    renameSync(`${archive}.part`, archive);
    rmSync(staging, { recursive: true, force: true });
    return manifest;
  } catch (error) {
    removeUnfinishedArchive(archive);
    throw error;
  }
}

/** What an archive that did not complete may have left. */
export function removeUnfinishedArchive(archive: string) {
  rmSync(`${archive}.tmp`, { recursive: true, force: true });
  rmSync(`${archive}.part`, { force: true });
}

/** A POSIX ustar header; long paths are split into prefix and name at a "/". */
function tarHeader(name: string, size: number, mode: number, directory: boolean): Buffer {
  let prefix = "";
  let base = name;
  if (Buffer.byteLength(base) > 99) {
    const cut = name.lastIndexOf("/", 155);
    prefix = name.slice(0, cut);
    base = name.slice(cut + 1);
    if (cut <= 0 || Buffer.byteLength(prefix) > 155 || Buffer.byteLength(base) > 99)
      throw new Error(`Percorso troppo lungo per l'archivio: ${name}`);
  }
  const header = Buffer.alloc(512);
  const put = (value: string, offset: number, length: number) =>
    header.write(value, offset, length, "utf8");
  const octal = (value: number, length: number) =>
    value
      .toString(8)
      .padStart(length - 1, "0")
      .slice(-(length - 1));
  put(base, 0, 100);
  put(octal(mode, 8), 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(size, 12), 124, 12);
  put(octal(Math.floor(Date.now() / 1000), 12), 136, 12);
  put("        ", 148, 8);
  put(directory ? "5" : "0", 156, 1);
  put("ustar\u000000", 257, 8);
  put(prefix, 345, 155);
  let sum = 0;
  for (const byte of header) sum += byte;
  put(`${octal(sum, 7)}\u0000 `, 148, 8);
  return header;
}

/** Writes the entries (paths under root, folders included) as a gzipped tar, streaming. */
async function writeTarGz(
  root: string,
  entries: string[],
  { out, onProgress }: { out: string; onProgress: (share: number) => void },
) {
  const sizes = entries.map((e) => {
    const stat = statSync(path.join(root, e));
    return stat.isDirectory() ? -1 : stat.size;
  });
  const total = sizes.reduce((sum, size) => sum + Math.max(0, size), 0);
  async function* blocks() {
    let written = 0;
    for (const [i, entry] of entries.entries()) {
      const size = sizes[i] ?? 0;
      const file = path.join(root, entry);
      if (size < 0) {
        yield tarHeader(`${entry}/`, 0, 0o755, true);
        continue;
      }
      const secret = (statSync(file).mode & 0o077) === 0;
      yield tarHeader(entry, size, secret ? 0o600 : 0o644, false);
      for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
        written += chunk.length;
        onProgress(total > 0 ? written / total : 1);
        yield chunk;
      }
      if (size % 512) yield Buffer.alloc(512 - (size % 512));
    }
    yield Buffer.alloc(1024);
  }
  await pipeline(Readable.from(blocks()), createGzip(), steadyFile(out));
}

/** Pages copied per step of SQLite's online backup: the server's writers wait at most a step. */
const STEP_PAGES = 256;

/**
 * A large copy is flushed to disk every few MB as it is written: left to the kernel, hundreds
 * of MB go out at once, and meanwhile the server's own small file operations (the health
 * check's probe) wait behind them for a tenth of a second or more.
 */
const SYNC_BYTES = 4 * 1024 * 1024;

/** A new file (never an existing one), flushed every SYNC_BYTES and when it ends. */
function steadyFile(file: string): Writable {
  const fd = openSync(file, "wx");
  let unsynced = 0;
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      try {
        for (let at = 0; at < chunk.length; ) at += writeSync(fd, chunk, at);
        unsynced += chunk.length;
        if (unsynced >= SYNC_BYTES) {
          fdatasyncSync(fd);
          unsynced = 0;
        }
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
    final(callback) {
      try {
        fdatasyncSync(fd);
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
    destroy(error, callback) {
      closeSync(fd);
      callback(error);
    },
  });
}

/** Every problem of a backup folder against its manifest; empty when it is intact. */
export function verifyBackup(backupDir: string): { manifest: Manifest | null; problems: string[] } {
  const manifestFile = path.join(backupDir, "manifest.json");
  if (!existsSync(manifestFile)) return { manifest: null, problems: ["manifest.json mancante"] };
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest;
  if (manifest.format !== "cruscotto-pnrr-backup-1")
    return { manifest: null, problems: [`formato sconosciuto: ${String(manifest.format)}`] };
  const problems: string[] = [];
  const entries = [manifest.database, ...manifest.files];
  if (manifest.sessionSecret) entries.push(manifest.sessionSecret);
  for (const e of entries) {
    const file = path.join(backupDir, e.path);
    if (!existsSync(file)) problems.push(`${e.path}: mancante`);
    else if (hashFile(file) !== e.sha256)
      problems.push(`${e.path}: contenuto diverso dal manifest`);
  }
  return { manifest, problems };
}

/**
 * Restores into the data folder, which no server may hold meanwhile (see server-lock). The
 * database is copied to a temporary name, checked with PRAGMA integrity_check, then renamed
 * over the old one; the session secret file comes back readable only by its owner.
 */
export function restoreBackup(backupDir: string, dataDir: string, options: { force: boolean }) {
  mkdirSync(dataDir, { recursive: true });
  const lock = lockDataFolder(dataDir, "restore");
  try {
    return restoreLocked(backupDir, dataDir, options);
  } finally {
    lock.release();
  }
}

function restoreLocked(backupDir: string, dataDir: string, options: { force: boolean }) {
  const { manifest, problems } = verifyBackup(backupDir);
  if (!manifest || problems.length)
    throw new Error(`Backup non integro, nulla è stato ripristinato:\n${problems.join("\n")}`);
  const names = layout(dataDir);
  const target = path.join(dataDir, names.database);
  if (existsSync(target) && !options.force)
    throw new Error(`${target} esiste già: usare --force per sostituirlo`);
  const staging = `${target}.restore`;
  copyFileSync(path.join(backupDir, manifest.database.path), staging);
  const check = new Database(staging);
  try {
    const result = check.pragma("integrity_check", { simple: true });
    if (result !== "ok") throw new Error(`integrity_check: ${String(result)}`);
  } finally {
    check.close();
  }
  for (const suffix of ["-wal", "-shm"]) rmSync(`${target}${suffix}`, { force: true });
  renameSync(staging, target);
  for (const f of manifest.files) {
    const destination = path.join(dataDir, f.path);
    mkdirSync(path.dirname(destination), { recursive: true });
    copyFileSync(path.join(backupDir, f.path), destination);
  }
  if (manifest.sessionSecret)
    copySecret(
      path.join(backupDir, manifest.sessionSecret.path),
      path.join(dataDir, names.sessionSecret),
    );
  return manifest;
}
