/**
 * Prepares the database: applies migrations, writes reference data and the session secret
 * and, unless --no-demo, the demo data and demo accounts: never in production nor on a
 * database that has real users (see demoRefusal). Safe to run any number of times.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { toIsoDate } from "../app/domain/dates";
import { readConfig } from "../app/infra/config.server";
import { openDatabase } from "../db/connection";
import { applyMigrations } from "../db/migrate";
import { syncReferenceData } from "../db/reference";
import { seedAvvisi } from "./seeds/avvisi";
import { seedDemoData } from "./seeds/demo";
import { demoRefusal, seedDemoUsers } from "./seeds/demo-users";

const config = readConfig();
const withDemo = !process.argv.includes("--no-demo");
mkdirSync(config.dataDir, { recursive: true });
if (!config.sessionSecret && !existsSync(config.sessionSecretFile)) {
  writeFileSync(config.sessionSecretFile, randomBytes(48).toString("base64url"), { mode: 0o600 });
  console.log(`Segreto delle sessioni creato: ${config.sessionSecretFile}`);
}

const { sqlite, db } = openDatabase(config.databaseFile);
try {
  applyMigrations(db);
  syncReferenceData(db);
  const avvisi = seedAvvisi(db);
  console.log(
    avvisi > 0
      ? `Avvisi di PA digitale 2026 e loro regole: ${avvisi} dal file ../shared/data/padigitale2026/avvisi.csv`
      : "File degli avvisi (../shared/data/padigitale2026/avvisi.csv) non trovato: solo gli avvisi 1.4.1 per i Comuni",
  );
  console.log(`Database pronto: ${config.databaseFile}`);
  const refusal = withDemo ? demoRefusal(db, config.production) : null;
  if (refusal) console.log(refusal);
  else if (withDemo) {
    const today = config.today ?? toIsoDate(new Date());
    const { created } = seedDemoData({ db, filesDir: config.filesDir, today });
    const accounts = await seedDemoUsers(db);
    console.log(
      created.length + accounts.length > 0
        ? `Dati dimostrativi aggiunti: ${[...created, ...accounts].join(", ")}`
        : "Dati dimostrativi già presenti: nulla da aggiungere",
    );
  }
} finally {
  sqlite.close();
}
