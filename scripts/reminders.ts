/**
 * npm run reminders
 * Sends today's reminder e-mails (deadlines to the comuni's editors, the weekly digest to the
 * Unioni's coordinators) through the configured SMTP server: meant for a nightly systemd
 * timer or cron (README, "Promemoria per e-mail"). Each message is sent once, whatever
 * the number of runs; what failed is tried again by the next run, and the exit status is 1.
 */
import { parseArgs } from "node:util";
import { sendReminders } from "../app/features/reminders/reminders.server";
import { readConfig, SMTP_OFF } from "../app/infra/config.server";
import { createMailer } from "../app/infra/mail.server";
import { policyOf } from "../app/infra/request-context.server";
import { openDatabase } from "../db/connection";

function fail(message: string): never {
  console.error(`Errore: ${message}`);
  process.exit(1);
}

try {
  parseArgs({ options: {} });
} catch (error) {
  fail((error as Error).message);
}
const config = (() => {
  try {
    return readConfig();
  } catch (error) {
    return fail((error as Error).message);
  }
})();
if (config.smtp === null) {
  console.log(`${SMTP_OFF} Nessun promemoria inviato.`);
  process.exit(0);
}

const { db, sqlite } = openDatabase(config.databaseFile, { create: false });
const mailer = createMailer(config.smtp);
try {
  const policy = policyOf(config);
  const report = await sendReminders({ db, policy, config, mailer });
  console.log(
    `Promemoria del ${policy.today}: ${report.deadlines} scadenze e ${report.digests} riepiloghi settimanali inviati.`,
  );
  for (const f of report.failures)
    console.error(`Errore: non inviato a ${f.to} («${f.subject}»): ${f.error}`);
  if (report.stoppedBy)
    console.error(
      "Errore: server SMTP non raggiungibile, invio interrotto: i promemoria rimasti partiranno alla prossima esecuzione.",
    );
  if (report.failures.length > 0) {
    console.error(
      `Errore: ${report.failures.length} promemoria non inviati, da riprovare alla prossima esecuzione.`,
    );
    process.exitCode = 1;
  }
} finally {
  mailer.close();
  sqlite.close();
}
