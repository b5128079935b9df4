/**
 * npm run restore -- DIR [--force]
 * Checks the backup's manifest, then restores database, files and session secret into the
 * data folder. Refused while the server runs: stop it first.
 */
import { parseArgs } from "node:util";
import { restoreBackup, sessionSecretNotice } from "../app/infra/backup.server";
import { readConfig } from "../app/infra/config.server";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { force: { type: "boolean" } },
});
const dir = positionals[0];
if (!dir) {
  console.error("Uso: npm run restore -- CARTELLA_DEL_BACKUP [--force]");
  process.exit(1);
}
try {
  const manifest = restoreBackup(dir, readConfig().dataDir, { force: values.force ?? false });
  console.log(
    `Ripristinato il backup del ${manifest.createdAt}: database e ${manifest.files.length} file${manifest.sessionSecret ? ", segreto delle sessioni" : ""}.`,
  );
  const notice = sessionSecretNotice(manifest);
  if (notice) console.log(notice);
} catch (error) {
  console.error(`Errore: ${(error as Error).message}`);
  process.exit(1);
}
