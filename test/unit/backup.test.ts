import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createBackup,
  restoreBackup,
  sessionSecretNotice,
  verifyBackup,
} from "~/infra/backup.server";
import { seedDemoData } from "../../scripts/seeds/demo";
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

const storedFiles = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("select count(distinct sha256) n from documento").get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe("backup and restore", () => {
  it("copies the database while it is open, with every uploaded file, and restores both", async () => {
    const before = progetti(t.file);
    const out = path.join(scratch, "backup");
    const manifest = await createBackup(t.dir, out);
    // Every stored file of the demo (Santa Margherita Ligure's four PDFs, Monte Dimostrativo's two).
    expect(manifest.files.length).toBe(storedFiles(t.file));
    expect(manifest.files.length).toBe(6);
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

  it("carries the session secret file, checked by its hash and restored readable only by its owner", async () => {
    writeFileSync(
      path.join(t.dir, "session-secret"),
      "segreto-delle-sessioni-di-prova-1234567890",
      {
        mode: 0o600,
      },
    );
    const out = path.join(scratch, "backup");
    const manifest = await createBackup(t.dir, out);
    expect(manifest.sessionSecret?.path).toBe("session-secret");
    expect(manifest.sessionSecretFromEnvironment).toBeUndefined();
    expect(statSync(path.join(out, "session-secret")).mode & 0o777).toBe(0o600);

    const restored = path.join(scratch, "restored");
    restoreBackup(out, restored, { force: false });
    const secret = path.join(restored, "session-secret");
    expect(readFileSync(secret, "utf8")).toBe("segreto-delle-sessioni-di-prova-1234567890");
    expect(statSync(secret).mode & 0o777).toBe(0o600);

    writeFileSync(path.join(out, "session-secret"), "un altro segreto");
    expect(verifyBackup(out).problems).toEqual(["session-secret: contenuto diverso dal manifest"]);
  });

  it("says when the secret comes from CRUSCOTTO_SESSION_SECRET, which the restored server needs", async () => {
    const out = path.join(scratch, "backup");
    const manifest = await createBackup(t.dir, out, { secretFromEnvironment: true });
    expect(manifest.sessionSecret).toBeUndefined();
    expect(manifest.sessionSecretFromEnvironment).toBe("CRUSCOTTO_SESSION_SECRET");
    expect(sessionSecretNotice(manifest)).toContain("CRUSCOTTO_SESSION_SECRET");
    const onDisk = JSON.parse(readFileSync(path.join(out, "manifest.json"), "utf8"));
    expect(onDisk.sessionSecretFromEnvironment).toBe("CRUSCOTTO_SESSION_SECRET");
  });

  it("will not write into a folder that already holds something", async () => {
    const out = path.join(scratch, "full");
    await createBackup(t.dir, out);
    await expect(createBackup(t.dir, out)).rejects.toThrow(/non è vuota/);
  });
});
