/**
 * Backups: an online, consistent copy of the SQLite database (SQLite's backup API, so the
 * app may keep serving) plus the uploaded files, with a manifest of SHA-256 hashes; and the
 * restore, which verifies every hash before it touches the data folder.
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
}

const DATABASE = "cruscotto.sqlite";

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

export async function createBackup(dataDir: string, outDir: string, now = new Date()) {
  if (existsSync(outDir) && readdirSync(outDir).length > 0)
    throw new Error(`La cartella ${outDir} esiste e non è vuota`);
  mkdirSync(outDir, { recursive: true });
  const source = new Database(path.join(dataDir, DATABASE), {
    readonly: true,
    fileMustExist: true,
  });
  try {
    await source.backup(path.join(outDir, DATABASE));
  } finally {
    source.close();
  }
  const filesDir = path.join(dataDir, "files");
  const files = listFiles(filesDir).map((relative) => {
    const target = path.join(outDir, "files", relative);
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(path.join(filesDir, relative), target);
    return entry(outDir, path.join("files", relative));
  });
  const manifest: Manifest = {
    format: "cruscotto-pnrr-backup-1",
    createdAt: now.toISOString(),
    database: entry(outDir, DATABASE),
    files,
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
  for (const e of [manifest.database, ...manifest.files]) {
    const file = path.join(backupDir, e.path);
    if (!existsSync(file)) problems.push(`${e.path}: mancante`);
    else if (hashFile(file) !== e.sha256)
      problems.push(`${e.path}: contenuto diverso dal manifest`);
  }
  return { manifest, problems };
}

/**
 * Restores into the data folder (the app must be stopped). The database is copied to a
 * temporary name, checked with PRAGMA integrity_check, then renamed over the old one.
 */
export function restoreBackup(backupDir: string, dataDir: string, options: { force: boolean }) {
  const { manifest, problems } = verifyBackup(backupDir);
  if (!manifest || problems.length)
    throw new Error(`Backup non integro, nulla è stato ripristinato:\n${problems.join("\n")}`);
  const target = path.join(dataDir, DATABASE);
  if (existsSync(target) && !options.force)
    throw new Error(`${target} esiste già: usare --force per sostituirlo`);
  mkdirSync(dataDir, { recursive: true });
  const staging = `${target}.restore`;
  copyFileSync(path.join(backupDir, DATABASE), staging);
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
  return manifest;
}
