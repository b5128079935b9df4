/**
 * Runs a command-line script compiled ahead of time (npm run build:cli) with plain node, so
 * no TypeScript compiler starts with it:  node scripts/cli.mjs import-opendata [ARGS...]
 * Builds the bundle first when it is missing or older than any of its sources (listed in
 * esbuild's metafile), so an edited source never runs stale.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const name = process.argv[2] ?? "";
const bundle = path.join(root, "build/cli", `${name}.js`);
const meta = path.join(root, "build/cli/meta.json");

function stale() {
  if (!existsSync(bundle) || !existsSync(meta)) return true;
  const built = statSync(bundle).mtimeMs;
  const { inputs } = JSON.parse(readFileSync(meta, "utf8"));
  return Object.keys(inputs).some((input) => {
    const source = path.join(root, input);
    return !existsSync(source) || statSync(source).mtimeMs > built;
  });
}

if (!/^[a-z-]+$/.test(name) || !existsSync(path.join(root, "scripts", `${name}.ts`))) {
  console.error(`Errore: comando sconosciuto «${name}»`);
  process.exit(1);
}
if (stale()) execFileSync("npm", ["run", "-s", "build:cli"], { cwd: root, stdio: "inherit" });
// The script reads its own arguments from process.argv, as if started directly.
process.argv.splice(1, 2, bundle);
await import(pathToFileURL(bundle).href);
