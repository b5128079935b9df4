import { type Connection, openDatabase } from "../../db/connection";
import { readConfig } from "./config.server";

let connection: Connection | undefined;

/**
 * One connection per server process, opened at start (main.server.ts). Migrations are applied
 * by `npm run setup`, not here: a missing or unusable file stops the server with one line.
 */
export function getDb() {
  connection ??= openDatabase(readConfig().databaseFile, { create: false });
  return connection.db;
}
