/**
 * While another process (an import job, the nightly sync) holds SQLite's write lock, a
 * user's write waits for it instead of failing: a sign-in during an import used to answer
 * 500 in 30 ms (SQLITE_BUSY on a transaction that read first and then wrote).
 */
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../support/app-server";
import { demoAccount, post } from "../support/http";

let app: RunningApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

describe("a write while another process holds the write lock", () => {
  it("waits for the lock and succeeds: a sign-in during an import", async () => {
    const importer = new Database(app.databaseFile);
    importer.exec("BEGIN IMMEDIATE");
    const account = demoAccount("editor");
    const signingIn = post(
      app,
      "/accedi",
      { email: account.email, password: account.password },
      null,
    );
    // The import goes on for a second, then commits.
    await new Promise((r) => setTimeout(r, 1_000));
    importer.exec("ROLLBACK");
    importer.close();
    const response = await signingIn;
    expect(response.status).toBe(302);
    expect(response.headers.get("set-cookie")).toContain("cruscotto_sessione=");
  });
});
