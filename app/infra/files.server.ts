import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/connection";
import { documento } from "../../db/schema";

/** Files are stored once per content, at files/<first two hex>/<sha256>. */
export function storedFilePath(filesDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`Hash non valido: ${sha256}`);
  return path.join(filesDir, sha256.slice(0, 2), sha256);
}

/** Writes bytes by content hash; the rename makes a half-written file impossible to see. */
export function storeBytes(filesDir: string, bytes: Uint8Array): { sha256: string; size: number } {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const target = storedFilePath(filesDir, sha256);
  mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  writeFileSync(temp, bytes);
  renameSync(temp, target);
  return { sha256, size: bytes.byteLength };
}

/**
 * Deletes stored files that no documento row names any more. Called after the transaction
 * that removed the rows has committed, so a rollback never leaves a row without its file.
 */
export function removeUnreferencedFiles(db: Db, filesDir: string, hashes: readonly string[]): void {
  for (const sha256 of new Set(hashes)) {
    const used = db
      .select({ id: documento.id })
      .from(documento)
      .where(eq(documento.sha256, sha256))
      .get();
    if (!used) rmSync(storedFilePath(filesDir, sha256), { force: true });
  }
}

/**
 * At start, nothing is being uploaded: what a crash left behind goes. That is every
 * temporary file, and every stored file no documento names (its row never committed).
 * Returns how many files were removed.
 */
export function sweepFiles(db: Db, filesDir: string): number {
  if (!existsSync(filesDir)) return 0;
  const referenced = new Set(
    db
      .select({ sha256: documento.sha256 })
      .from(documento)
      .all()
      .map((d) => d.sha256),
  );
  let removed = 0;
  for (const dir of readdirSync(filesDir, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    const full = path.join(filesDir, dir.name);
    for (const name of readdirSync(full)) {
      const keep = dir.name !== ".tmp" && /^[0-9a-f]{64}$/.test(name) && referenced.has(name);
      if (!keep) {
        rmSync(path.join(full, name), { force: true, recursive: true });
        removed += 1;
      }
    }
  }
  return removed;
}
