/**
 * A bulk write into a table that is small before it: SQLite builds an index over rows
 * already written (one sort) several times faster than it keeps it up to date row by row.
 */
import type Database from "better-sqlite3";

/**
 * Drops the tables' indexes that enforce nothing (unique ones stay, so every row is still
 * checked as it is written) and returns what rebuilds them exactly as they were, from the
 * schema's own statements. Inside a transaction only: a rollback restores them, and other
 * connections never see the tables without them.
 */
export function dropPlainIndexes(sqlite: Database.Database, tables: readonly string[]): () => void {
  if (!sqlite.inTransaction) throw new Error("dropPlainIndexes: only inside a transaction");
  const indexes = sqlite
    .prepare(
      `select name, sql from sqlite_master
       where type = 'index' and sql is not null and sql not like 'CREATE UNIQUE%'
         and tbl_name in (${tables.map(() => "?").join(", ")})`,
    )
    .all(...tables) as { name: string; sql: string }[];
  for (const { name } of indexes) sqlite.exec(`drop index "${name.replaceAll('"', '""')}"`);
  return () => {
    for (const { sql } of indexes) sqlite.exec(sql);
  };
}
