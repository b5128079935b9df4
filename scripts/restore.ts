/**
 * npm run restore -- DIR [--force]
 * Checks the backup's manifest, then restores database and files into the data folder.
 * Stop the app first.
 */
import { parseArgs } from "node:util";
import { readConfig } from "../app/config.server";
import { restoreBackup } from "../app/ops/backup.server";

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
    `Ripristinato il backup del ${manifest.createdAt}: database e ${manifest.files.length} file.`,
  );
} catch (error) {
  console.error(`Errore: ${(error as Error).message}`);
  process.exit(1);
}
