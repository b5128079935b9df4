/**
 * Backup and restore as an operator runs them: `npm run backup` while the server serves,
 * `npm run restore` on a stopped server (and refused on a running one).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startApp } from "../support/app-server";
import { get, query, signInAs } from "../support/http";

const ROOT = path.resolve(import.meta.dirname, "../..");
let scratch: string;
beforeEach(() => {
  scratch = mkdtempSync(path.join(tmpdir(), "backup-e2e-"));
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

function cli(script: "backup" | "restore", dataDir: string, ...args: string[]) {
  const { CRUSCOTTO_SESSION_SECRET: _, ...env } = process.env;
  const result = spawnSync(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, ...args], {
    cwd: ROOT,
    env: { ...env, CRUSCOTTO_DATA_DIR: dataDir },
    encoding: "utf8",
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("a backup restored on a new machine", () => {
  it("brings back the session secret file, so a session opened before the backup still works", async () => {
    const app = await startApp({ sessionSecretFile: true });
    try {
      const cookie = await signInAs(app, "admin");
      const out = path.join(scratch, "backup");
      // The backup runs while the server serves.
      const backup = cli("backup", app.dataDir, "--out", out);
      expect(backup.stderr).toBe("");
      expect(backup.status).toBe(0);
      await app.halt();
      // A clean stop leaves no lock behind.
      expect(existsSync(path.join(app.dataDir, "cruscotto.lock"))).toBe(false);

      // The new machine starts from an empty data folder.
      rmSync(app.dataDir, { recursive: true, force: true });
      mkdirSync(app.dataDir);
      const restore = cli("restore", app.dataDir, out);
      expect(restore.stderr).toBe("");
      expect(restore.status).toBe(0);
      expect(statSync(path.join(app.dataDir, "session-secret")).mode & 0o777).toBe(0o600);

      await app.restart();
      const page = await get(app, "/scadenze", cookie);
      expect(page.status).toBe(200);
    } finally {
      await app.stop();
    }
  }, 60_000);
});

describe("npm run restore on a running server", () => {
  it("refuses, naming the server's pid, and changes nothing", async () => {
    const app = await startApp();
    try {
      const out = path.join(scratch, "backup");
      expect(cli("backup", app.dataDir, "--out", out).status).toBe(0);
      // A write accepted after the backup: a restore now would lose it.
      const cookie = await signInAs(app, "editor");
      const sessions = () => query<{ n: number }>(app, "select count(*) n from sessione")[0]?.n;
      const before = sessions();
      expect(before).toBe(1);

      const restore = cli("restore", app.dataDir, out, "--force");
      expect(restore.status).not.toBe(0);
      expect(restore.stderr).toContain(`pid ${app.pid()}`);
      expect(restore.stderr).toContain("fermare il server");
      expect(restore.stderr.trim().split("\n")).toHaveLength(1);

      expect(sessions()).toBe(before);
      expect((await get(app, "/scadenze", cookie)).status).toBe(200);
      expect((await get(app, "/healthz", null)).status).toBe(200);
    } finally {
      await app.stop();
    }
  }, 60_000);

  it("goes ahead once the server has crashed: a lock left by a dead process does not count", async () => {
    const app = await startApp();
    try {
      const out = path.join(scratch, "backup");
      expect(cli("backup", app.dataDir, "--out", out).status).toBe(0);
      await app.crash();
      const restore = cli("restore", app.dataDir, out, "--force");
      expect(restore.stderr).toBe("");
      expect(restore.status).toBe(0);
      await app.restart();
      expect((await get(app, "/healthz", null)).status).toBe(200);
    } finally {
      await app.stop();
    }
  }, 60_000);
});

describe("a second server on the same data folder", () => {
  it("does not start, and says which server holds the folder", async () => {
    const app = await startApp();
    try {
      const second = spawnSync(process.execPath, ["build/index.js"], {
        cwd: ROOT,
        env: {
          ...process.env,
          NODE_ENV: "production",
          PORT: String(40_000 + Math.floor(Math.random() * 20_000)),
          HOST: "127.0.0.1",
          CRUSCOTTO_DATA_DIR: app.dataDir,
          CRUSCOTTO_SESSION_SECRET: "x".repeat(40),
        },
        encoding: "utf8",
        timeout: 20_000,
      });
      expect(second.status).toBe(1);
      expect(second.stderr).toContain(`pid ${app.pid()}`);
      expect(second.stderr.trim().split("\n")).toHaveLength(1);
      expect((await get(app, "/healthz", null)).status).toBe(200);
    } finally {
      await app.stop();
    }
  }, 60_000);
});
