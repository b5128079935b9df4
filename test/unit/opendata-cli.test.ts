/**
 * The import command as users run it: compiled ahead of time and started with plain node
 * (no TypeScript compiler at run time), rebuilt when its bundle is older than its sources.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const BUNDLE = path.resolve("build/cli/import-opendata.js");
const FIXTURE = path.resolve("test/fixtures/opendata/candidature_141_2025-03-31.csv");

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "cruscotto-cli-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) =>
  execFileSync(process.execPath, ["scripts/cli.mjs", "import-opendata", ...args], {
    env: { ...process.env, CRUSCOTTO_DATA_DIR: dir },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });

describe("npm run import:opendata", () => {
  it("imports a file with the compiled bundle, rebuilding it when a source is newer", () => {
    run("--dry-run", FIXTURE); // builds the bundle if missing
    expect(existsSync(BUNDLE)).toBe(true);
    utimesSync(BUNDLE, new Date(0), new Date(0));
    expect(run(FIXTURE)).toContain("8 righe: 8 progetti creati");
    expect(statSync(BUNDLE).mtimeMs).toBeGreaterThan(0);
  });

  it("reports an unknown option in one line, with exit status 1", () => {
    expect(() => run("--bogus")).toThrow(/Errore: Unknown option '--bogus'/);
  });
});
