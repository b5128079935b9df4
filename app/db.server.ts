import { type Connection, openDatabase } from "../db/connection";
import { readConfig } from "./config.server";

let connection: Connection | undefined;

/** One connection per server process; migrations are applied by `npm run setup`, not here. */
export function getDb() {
  connection ??= openDatabase(readConfig().databaseFile);
  return connection.db;
}
