/**
 * Attack round 2 on the data folder lock: a lock left by a crash names a pid, and after a
 * reboot or a long uptime that pid belongs to some other process. The lock records when its
 * holder started, but only "is the pid alive" is asked, so the server refuses to start (and
 * restore refuses to run) until someone deletes the file by hand.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LOCK_FILE, lockDataFolder } from "~/infra/server-lock.server";

let other: ChildProcess | null = null;
let dir = "";

afterEach(() => {
  other?.kill();
  other = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("a lock left by a crash whose pid is now another process's", () => {
  it("is recognised as stale: the process with that pid started after the lock was taken", () => {
    dir = mkdtempSync(path.join(tmpdir(), "attack2-lock-"));
    // Some unrelated process, started now, that happens to have the crashed server's pid.
    other = spawn("sleep", ["30"], { stdio: "ignore" });
    const crashedAt = new Date(Date.now() - 24 * 3600 * 1000).toISOString();
    writeFileSync(
      path.join(dir, LOCK_FILE),
      `${JSON.stringify({ holder: "server", pid: other.pid, startedAt: crashedAt })}\n`,
    );
    // Today: "Un altro server (pid …) sta già usando la cartella dati", forever.
    expect(() => lockDataFolder(dir, "server").release()).not.toThrow();
  });
});
