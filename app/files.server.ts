import { createHash } from "node:crypto";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

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
