import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createBackup, restoreBackup, verifyBackup } from "~/ops/backup.server";
import { seedDemoData } from "../../db/demo";
import { createTempDatabase, type TempDatabase } from "../support/temp-db";

let t: TempDatabase;
let scratch: string;
beforeEach(() => {
  t = createTempDatabase();
  seedDemoData({ db: t.db, filesDir: t.filesDir, today: "2026-11-22" });
  scratch = mkdtempSync(path.join(tmpdir(), "backup-test-"));
});
afterEach(() => {
  t.cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

const progetti = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("select count(*) n from progetto").get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe("backup and restore", () => {
  it("copies the database while it is open, with every uploaded file, and restores both", async () => {
    const before = progetti(t.file);
    const out = path.join(scratch, "backup");
    const manifest = await createBackup(t.dir, out);
    expect(manifest.files.length).toBe(4); // the four Santa Margherita Ligure PDFs
    expect(verifyBackup(out).problems).toEqual([]);

    const restored = path.join(scratch, "restored");
    restoreBackup(out, restored, { force: false });
    expect(progetti(path.join(restored, "cruscotto.sqlite"))).toBe(before);
    for (const f of manifest.files) expect(existsSync(path.join(restored, f.path))).toBe(true);
  });

  it("refuses a backup whose files do not match the manifest, and an occupied data folder", async () => {
    const out = path.join(scratch, "backup");
    const manifest = await createBackup(t.dir, out);
    const restored = path.join(scratch, "restored");
    restoreBackup(out, restored, { force: false });
    expect(() => restoreBackup(out, restored, { force: false })).toThrow(/usare --force/);

    writeFileSync(path.join(out, manifest.files[0]?.path ?? ""), "alterato");
    expect(verifyBackup(out).problems).toEqual([
      `${manifest.files[0]?.path}: contenuto diverso dal manifest`,
    ]);
    expect(() => restoreBackup(out, path.join(scratch, "other"), { force: true })).toThrow(
      /Backup non integro/,
    );
    expect(existsSync(path.join(scratch, "other", "cruscotto.sqlite"))).toBe(false);
  });

  it("will not write into a folder that already holds something", async () => {
    const out = path.join(scratch, "full");
    await createBackup(t.dir, out);
    await expect(createBackup(t.dir, out)).rejects.toThrow(/non è vuota/);
  });
});
