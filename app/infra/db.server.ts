import { type Connection, openDatabase } from "../../db/connection";
import { readConfig } from "./config.server";

let connection: Connection | undefined;

/**
 * One connection per server process, opened at start (main.server.ts). Migrations are applied
 * by `npm run setup`, not here: a missing or unusable file stops the server with one line.
 */
export function getDb() {
  if (!connection) {
    connection = openDatabase(readConfig().databaseFile, { create: false });
    writesWaitForTheLock(connection.db);
  }
  return connection.db;
}

/**
 * Transactions start as writers (BEGIN IMMEDIATE). A deferred transaction that reads and then
 * writes while an import holds the write lock fails at once with SQLITE_BUSY (SQLite cannot
 * let it wait on a snapshot that may be stale); an immediate one waits for the lock up to the
 * busy timeout, so a sign-in or a save during an import waits instead of answering 500.
 */
function writesWaitForTheLock(db: Connection["db"]): void {
  const deferred = db.transaction.bind(db);
  db.transaction = ((fn, config) =>
    deferred(fn, { behavior: "immediate", ...config })) as typeof db.transaction;
}
