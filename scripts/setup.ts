/**
 * Prepares the database: applies migrations, writes reference data and, unless --no-demo,
 * the demo data. Safe to run any number of times.
 */
import { readConfig } from "../app/config.server";
import { toIsoDate } from "../app/domain/dates";
import { openDatabase } from "../db/connection";
import { seedDemoData } from "../db/demo";
import { applyMigrations } from "../db/migrate";
import { syncReferenceData } from "../db/reference";

const config = readConfig();
const withDemo = !process.argv.includes("--no-demo");
const { sqlite, db } = openDatabase(config.databaseFile);
try {
  applyMigrations(db);
  syncReferenceData(db);
  console.log(`Database pronto: ${config.databaseFile}`);
  if (withDemo) {
    const today = config.today ?? toIsoDate(new Date());
    const { created } = seedDemoData({ db, filesDir: config.filesDir, today });
    console.log(
      created.length > 0
        ? `Dati dimostrativi aggiunti: ${created.join(", ")}`
        : "Dati dimostrativi già presenti: nulla da aggiungere",
    );
  }
} finally {
  sqlite.close();
}
