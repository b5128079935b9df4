/**
 * npm run backup -- [--out DIR]
 * An online copy of the database, the uploaded files and the session secret file, with a
 * manifest of hashes. The server may keep running.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { createBackup, sessionSecretNotice } from "../app/infra/backup.server";
import { readConfig } from "../app/infra/config.server";

const { values } = parseArgs({ options: { out: { type: "string" } } });
const config = readConfig();
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const out = path.resolve(values.out ?? path.join("backups", `cruscotto-${stamp}`));
try {
  const manifest = await createBackup(config.dataDir, out, {
    secretFromEnvironment: config.sessionSecret !== undefined,
  });
  console.log(
    `Backup in ${out}: database ${Math.round(manifest.database.size / 1024)} KB, ${manifest.files.length} file${manifest.sessionSecret ? ", segreto delle sessioni" : ""}.`,
  );
  const notice = sessionSecretNotice(manifest);
  if (notice) console.log(notice);
} catch (error) {
  console.error(`Errore: ${(error as Error).message}`);
  process.exit(1);
}
