/**
 * npm run backup -- [--out DIR | --archive FILE.tar.gz]
 * An online copy of the database, the uploaded files and the session secret file, with a
 * manifest of hashes. The server may keep running.
 * --archive: one .tar.gz instead of a folder (what the admin page downloads).
 * --progress-json: for the server's job runner: JSON lines on stdout (app/infra/job-messages),
 * and the backup is abandoned, leaving no file, if the process that started it dies.
 */
import { statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  createBackup,
  createBackupArchive,
  removeUnfinishedArchive,
  sessionSecretNotice,
} from "../app/infra/backup.server";
import { readConfig } from "../app/infra/config.server";
import { asJob, emit, ParentGone, parentWatch } from "./lib/job-output";

const { values } = parseArgs({
  options: {
    out: { type: "string" },
    archive: { type: "string" },
    "progress-json": { type: "boolean" },
  },
});
const config = readConfig();
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const archive = values.archive ? path.resolve(values.archive) : null;
const out = path.resolve(values.out ?? path.join("backups", `cruscotto-${stamp}`));
const options = { secretFromEnvironment: config.sessionSecret !== undefined };

function fail(message: string): never {
  if (asJob) emit({ type: "failed", message });
  console.error(`Errore: ${message}`);
  process.exit(1);
}

if (asJob && archive) {
  // A job must not outlive the server that waits for it (see parentWatch); it notices by
  // the clock, or when its output has nobody to read it. Either way it leaves no file.
  const abandon = () => {
    removeUnfinishedArchive(archive);
    process.exit(1);
  };
  process.stdout.on("error", abandon);
  const checkParent = parentWatch();
  setInterval(() => {
    try {
      checkParent();
    } catch (error) {
      if (!(error instanceof ParentGone)) throw error;
      console.error(`Errore: ${error.message}`);
      abandon();
    }
  }, 500).unref();
}

try {
  let last = -1;
  const manifest = archive
    ? await createBackupArchive(config.dataDir, archive, {
        ...options,
        onProgress: (share) => {
          // One line per percent is enough for a progress bar.
          const percent = Math.floor(share * 100);
          if (!asJob || percent === last) return;
          last = percent;
          emit({ type: "progress", done: percent, total: 100 });
        },
      })
    : await createBackup(config.dataDir, out, options);
  const where = archive ?? out;
  console.log(
    `Backup in ${where}: database ${Math.round(manifest.database.size / 1024)} KB, ${manifest.files.length} file${manifest.sessionSecret ? ", segreto delle sessioni" : ""}.`,
  );
  const notice = sessionSecretNotice(manifest);
  if (notice) console.log(notice);
  if (asJob && archive) {
    emit({
      type: "backed-up",
      backup: {
        file: path.basename(archive),
        size: statSync(archive).size,
        files: manifest.files.length,
        notice,
      },
    });
  }
} catch (error) {
  fail((error as Error).message);
}
