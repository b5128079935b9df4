/**
 * Backups: an online, consistent copy of the SQLite database (SQLite's backup API, so the
 * app may keep serving) plus the uploaded files and the session secret file, with a manifest
 * of SHA-256 hashes; and the restore, which verifies every hash before it touches the data
 * folder, and refuses to run while a server holds it.
 */
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
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

export async function createBackup(
  dataDir: string,
  outDir: string,
  options: { secretFromEnvironment?: boolean; now?: Date } = {},
) {
  const names = layout(dataDir);
  if (existsSync(outDir) && readdirSync(outDir).length > 0)
    throw new Error(`La cartella ${outDir} esiste e non è vuota`);
  const databaseFile = path.join(dataDir, names.database);
  const source = openSource(databaseFile);
  try {
    mkdirSync(outDir, { recursive: true });
    await source.backup(path.join(outDir, names.database));
  } finally {
    source.close();
  }
  const filesDir = path.join(dataDir, names.files);
  const files = listFiles(filesDir).map((relative) => {
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
  return manifest;
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
