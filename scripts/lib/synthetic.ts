/** A temporary folder with N synthetic rows in the official format, for the benchmarks. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export function withSyntheticFile(
  rows: string,
  prefix: string,
  run: (file: string, dir: string) => void,
): void {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  try {
    const file = path.join(dir, "candidature.csv");
    execFileSync(
      process.execPath,
      ["--import", "tsx", "scripts/generate-opendata.ts", "--rows", rows, "--out", file],
      { stdio: "inherit" },
    );
    run(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
