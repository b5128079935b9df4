import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface Connection {
  sqlite: Database.Database;
  db: Db;
}

/** A database file that cannot be used; the message is one line naming the file and the remedy. */
export class DatabaseUnavailable extends Error {}

const DAMAGED = new Set(["SQLITE_NOTADB", "SQLITE_CORRUPT"]);

/** Turns the error of opening `file` into the line an operator can act on. */
export function unavailable(file: string, error: unknown): DatabaseUnavailable {
  const { code, message } = error as { code?: string; message?: string };
  const cause = message ?? String(error);
  if (code && DAMAGED.has(code))
    return new DatabaseUnavailable(
      `Il database ${file} è danneggiato o non è un database SQLite (${cause}): ripristinare l'ultimo backup con npm run restore.`,
    );
  return new DatabaseUnavailable(
    `Impossibile aprire il database ${file} (${cause}): controllare che la cartella esista e che l'utente del servizio possa leggere e scrivere il file e la cartella.`,
  );
}

/**
 * Opens the SQLite file with the settings every process must share, creating it unless
 * `create` is false; throws DatabaseUnavailable when the file cannot be used.
 */
export function connect(file: string, { create = true } = {}): Connection {
  const resolved = path.resolve(file);
  if (!create && !existsSync(resolved))
    throw new DatabaseUnavailable(
      `Il database ${resolved} non esiste: eseguire npm run setup per una nuova installazione, oppure ripristinare un backup con npm run restore.`,
    );
  let sqlite: Database.Database | undefined;
  try {
    if (create) mkdirSync(path.dirname(resolved), { recursive: true });
    sqlite = new Database(resolved, { fileMustExist: !create });
    // WAL lets readers go on while a writer works; busy_timeout makes writers wait, not fail.
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    sqlite.pragma("synchronous = NORMAL");
    // Reads the schema now, so that a damaged file is found here and not by the first query.
    sqlite.prepare("select count(*) from sqlite_master").get();
  } catch (error) {
    sqlite?.close();
    throw unavailable(resolved, error);
  }
  return { sqlite, db: drizzle(sqlite, { schema }) };
}

/**
 * For processes (the server, the command-line scripts): as connect, but a database that
 * cannot be used ends the process with its one line and exit code 1, not a stack trace.
 */
export function openDatabase(file: string, options: { create?: boolean } = {}): Connection {
  try {
    return connect(file, options);
  } catch (error) {
    if (!(error instanceof DatabaseUnavailable)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
