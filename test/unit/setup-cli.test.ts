/** npm run setup: the demo accounts, with their published passwords, only in a demo. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createUtente } from "~/models/utenti.server";
import { DEMO_ACCOUNTS } from "../../scripts/seeds/demo-users";
import { createTempDatabase } from "../support/temp-db";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "setup-test-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function setup(env: Record<string, string>, ...args: string[]) {
  // Undefined variables are not passed on: NODE_ENV and the secret only when a test sets them.
  const childEnv = {
    ...process.env,
    NODE_ENV: undefined,
    CRUSCOTTO_SESSION_SECRET: undefined,
    CRUSCOTTO_DATA_DIR: dir,
    ...env,
  } as unknown as NodeJS.ProcessEnv;
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/setup.ts", ...args], {
    env: childEnv,
    encoding: "utf8",
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function contents() {
  const db = new Database(path.join(dir, "cruscotto.sqlite"), { readonly: true });
  try {
    return {
      emails: (
        db.prepare("select email from utente order by email").all() as { email: string }[]
      ).map((r) => r.email),
      progetti: (db.prepare("select count(*) n from progetto").get() as { n: number }).n,
    };
  } finally {
    db.close();
  }
}

const demoEmails = DEMO_ACCOUNTS.map((a) => a.email).sort();

describe("npm run setup", () => {
  it("in a demo (no NODE_ENV=production, no users yet) adds the demo data and accounts", () => {
    const result = setup({});
    expect(result.status).toBe(0);
    expect(contents().emails).toEqual(demoEmails);
    expect(contents().progetti).toBeGreaterThan(0);
  }, 30_000);

  it("with NODE_ENV=production creates no demo account and no demo data, and says so", () => {
    const result = setup({ NODE_ENV: "production" });
    expect(result.status).toBe(0);
    expect(contents()).toEqual({ emails: [], progetti: 0 });
    const notice = result.stdout.split("\n").filter((l) => l.includes("dimostrativ"));
    expect(notice).toHaveLength(1);
    expect(notice[0]).toContain("NODE_ENV=production");
  }, 30_000);

  it("on a database with real users creates no demo account and no demo data", async () => {
    const t = createTempDatabase();
    await createUtente(
      t.db,
      { label: "cli", userId: null },
      {
        email: "rup@comune.example.it",
        name: "RUP",
        role: "admin",
        unioneId: null,
        comuneIds: [],
        active: true,
      },
      "una-password-robusta",
    );
    t.sqlite.close();
    rmSync(dir, { recursive: true, force: true });
    dir = t.dir;
    const result = setup({});
    expect(result.status).toBe(0);
    expect(contents()).toEqual({ emails: ["rup@comune.example.it"], progetti: 0 });
    const notice = result.stdout.split("\n").filter((l) => l.includes("dimostrativ"));
    expect(notice).toHaveLength(1);
    expect(notice[0]).toContain("utenti");
  }, 30_000);

  it("is safe to repeat on the demo: a second run adds nothing", () => {
    expect(setup({}).status).toBe(0);
    const again = setup({});
    expect(again.status).toBe(0);
    expect(again.stdout).toContain("Dati dimostrativi già presenti");
    expect(contents().emails).toEqual(demoEmails);
  }, 60_000);

  it("with --no-demo creates neither", () => {
    expect(setup({}, "--no-demo").status).toBe(0);
    expect(contents()).toEqual({ emails: [], progetti: 0 });
  }, 30_000);
});
