/**
 * npm run backup -- [--out DIR]
 * An online copy of the database and the uploaded files, with a manifest of hashes.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { readConfig } from "../app/config.server";
import { createBackup } from "../app/ops/backup.server";

const { values } = parseArgs({ options: { out: { type: "string" } } });
const config = readConfig();
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const out = path.resolve(values.out ?? path.join("backups", `cruscotto-${stamp}`));
try {
  const manifest = await createBackup(config.dataDir, out);
  console.log(
    `Backup in ${out}: database ${Math.round(manifest.database.size / 1024)} KB, ${manifest.files.length} file.`,
  );
} catch (error) {
  console.error(`Errore: ${(error as Error).message}`);
  process.exit(1);
}
