import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Connection, openDatabase } from "../../db/connection";
import { applyMigrations } from "../../db/migrate";
import { syncReferenceData } from "../../db/reference";

export interface TempDatabase extends Connection {
  dir: string;
  file: string;
  filesDir: string;
  cleanup: () => void;
}

/** A real SQLite file in a fresh folder, migrated and with reference data. */
export function createTempDatabase(): TempDatabase {
  const dir = mkdtempSync(path.join(tmpdir(), "cruscotto-test-"));
  const file = path.join(dir, "cruscotto.sqlite");
  const connection = openDatabase(file);
  applyMigrations(connection.db);
  syncReferenceData(connection.db);
  return {
    ...connection,
    dir,
    file,
    filesDir: path.join(dir, "files"),
    cleanup: () => {
      connection.sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
