/**
 * Creates an account from the command line, e.g. the first admin:
 *   npm run user:create -- --email rup@comune.example.it --role admin --name "Maria Rossi"
 * Without --password a temporary one is generated and printed once.
 */
import { parseArgs } from "node:util";
import { eq, inArray } from "drizzle-orm";
import { generatePassword } from "../app/auth/password.server";
import { fieldErrors } from "../app/forms/field-errors";
import { passwordField, UtenteInput } from "../app/forms/utente-input";
import { readConfig } from "../app/infra/config.server";
import { createUtente, DuplicateEmailError } from "../app/models/utenti.server";
import { openDatabase } from "../db/connection";
import { applyMigrations } from "../db/migrate";
import { comune, unione } from "../db/schema";

function fail(message: string): never {
  console.error(`Errore: ${message}`);
  process.exit(1);
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        email: { type: "string" },
        role: { type: "string" },
        name: { type: "string" },
        password: { type: "string" },
        unione: { type: "string" },
        comune: { type: "string", multiple: true },
      },
    });
  } catch (error) {
    return fail((error as Error).message);
  }
})();

const { sqlite, db } = openDatabase(readConfig().databaseFile);
try {
  applyMigrations(db);
  const unioneId = values.unione
    ? (db.select({ id: unione.id }).from(unione).where(eq(unione.name, values.unione)).get()?.id ??
      fail(`Unione non trovata: ${values.unione}`))
    : null;
  const codes = values.comune ?? [];
  const comuni = codes.length
    ? db
        .select({ id: comune.id, istat: comune.codiceIstat })
        .from(comune)
        .where(inArray(comune.codiceIstat, codes))
        .all()
    : [];
  const missing = codes.filter((c) => !comuni.some((found) => found.istat === c));
  if (missing.length) fail(`Comuni non trovati (codice ISTAT): ${missing.join(", ")}`);

  const input = UtenteInput.safeParse({
    email: values.email ?? "",
    name: values.name ?? values.email ?? "",
    role: values.role ?? "",
    unioneId,
    comuneIds: comuni.map((c) => c.id),
    active: true,
  });
  if (!input.success) {
    fail(
      Object.entries(fieldErrors(input.error))
        .map(([field, message]) => `--${field}: ${message}`)
        .join("; "),
    );
  }
  const password = values.password ?? generatePassword();
  const checked = passwordField.safeParse(password);
  if (!checked.success) fail(`--password: ${checked.error.issues[0]?.message}`);
  const id = await createUtente(db, { label: "cli", userId: null }, input.data, password);
  console.log(`Creato l'utente ${input.data.email} (${input.data.role}, id ${id}).`);
  if (!values.password) console.log(`Password temporanea: ${password}`);
} catch (error) {
  if (error instanceof DuplicateEmailError) fail(error.message);
  throw error;
} finally {
  sqlite.close();
}
