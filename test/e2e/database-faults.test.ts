/**
 * A damaged database: a file that is not a database, a missing one, a corrupted table page.
 * The operator gets one line naming the file and what to do; monitoring gets a 503.
 */
import { type SpawnSyncReturns, spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startApp } from "../support/app-server";
import { get } from "../support/http";

const ROOT = path.resolve(import.meta.dirname, "../..");
let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "database-faults-"));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const env = (): NodeJS.ProcessEnv => ({
  ...process.env,
  NODE_ENV: "production",
  PORT: String(40_000 + Math.floor(Math.random() * 20_000)),
  HOST: "127.0.0.1",
  CRUSCOTTO_DATA_DIR: dataDir,
  CRUSCOTTO_SESSION_SECRET: "s".repeat(40),
});
const startServer = () =>
  spawnSync(process.execPath, ["build/index.js"], {
    cwd: ROOT,
    env: env(),
    encoding: "utf8",
    timeout: 20_000,
  });
const runScript = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, ...args], {
    cwd: ROOT,
    env: { ...env(), NODE_ENV: "development" as const },
    encoding: "utf8",
    timeout: 30_000,
  });

/** Exit code 1 and a single line on stderr: no stack trace. */
function expectOneLine(result: SpawnSyncReturns<string>) {
  expect(result.status).toBe(1);
  const lines = result.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  return lines[0] ?? "";
}

describe("a data folder whose database file is not a database", () => {
  beforeEach(() => {
    writeFileSync(path.join(dataDir, "cruscotto.sqlite"), "non sono un database\n".repeat(500));
  });

  it("stops the server at start with one line naming the file and the way out", () => {
    const line = expectOneLine(startServer());
    expect(line).toContain(path.join(dataDir, "cruscotto.sqlite"));
    expect(line).toContain("npm run restore");
  });

  it("stops the command-line scripts the same way", () => {
    for (const result of [
      runScript("setup", "--no-demo"),
      runScript("user-create", "--email", "a@b.example.it", "--role", "admin"),
      runScript("backup", "--out", path.join(dataDir, "backup")),
    ]) {
      const line = expectOneLine(result);
      expect(line).toContain(path.join(dataDir, "cruscotto.sqlite"));
    }
  }, 60_000);
});

describe("a data folder without a database", () => {
  it("does not start the server over a new empty database, but says to run setup or restore", () => {
    const line = expectOneLine(startServer());
    expect(line).toContain(path.join(dataDir, "cruscotto.sqlite"));
    expect(line).toContain("npm run setup");
  });
});

describe("a table page corrupted while the server was stopped", () => {
  it("makes /healthz answer 503 with the reason", async () => {
    const app = await startApp();
    try {
      expect((await get(app, "/healthz", null)).status).toBe(200);
      await app.halt();
      // Everything in the main file first, then overwrite the first page of the progetto table.
      const db = new Database(app.databaseFile);
      db.pragma("wal_checkpoint(TRUNCATE)");
      const pageSize = db.pragma("page_size", { simple: true }) as number;
      const { rootpage } = db
        .prepare("select rootpage from sqlite_master where name = 'progetto'")
        .get() as { rootpage: number };
      db.close();
      const fd = openSync(app.databaseFile, "r+");
      writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (rootpage - 1) * pageSize);
      closeSync(fd);

      await app.restart();
      const response = await get(app, "/healthz", null);
      expect(response.status).toBe(503);
      const body = (await response.json()) as {
        ok: boolean;
        checks: { integrity: { ok: boolean; error?: string } };
      };
      expect(body.ok).toBe(false);
      expect(body.checks.integrity.ok).toBe(false);
      expect(body.checks.integrity.error).toBeTruthy();
    } finally {
      await app.stop();
    }
  }, 60_000);
});
