import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/connection";
import { applyMigrations, MIGRATIONS_DIR } from "../../db/migrate";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The migrations folder as it was before the ente identity (0007). */
function migrationsBefore(idx: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), "cruscotto-migrations-"));
  dirs.push(dir);
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  const journalFile = path.join(dir, "meta/_journal.json");
  const journal = JSON.parse(readFileSync(journalFile, "utf8")) as { entries: { idx: number }[] };
  journal.entries = journal.entries.filter((e) => e.idx < idx);
  writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

describe("upgrading a database that holds data", () => {
  it("keeps every comune, progetto and user's comuni when comune is rebuilt", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cruscotto-upgrade-"));
    dirs.push(dir);
    const { sqlite, db } = openDatabase(path.join(dir, "db.sqlite"));
    try {
      migrate(db, { migrationsFolder: migrationsBefore(7) });
      // Raw SQL: the schema module describes the tables after the upgrade.
      sqlite.exec(`
        insert into comune (id, name, codice_istat, codice_ipa) values (1, 'Pisa', '050026', 'c_g702');
        insert into progetto (id, comune_id, misura, title, cup, beneficiary_name)
          values (1, 1, '1.4.1', 'Sito', 'J51F22000540006', 'Comune di Pisa');
        insert into decreto (progetto_id, number, decree_on) values (1, '32 - 1 / 2022', '2022-08-19');
        insert into utente (id, email, name, password_hash, role) values (1, 'e@x.it', 'E', 'x', 'editor');
        insert into utente_comune values (1, 1);`);
      const count = (table: string) =>
        (sqlite.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;
      const before = ["comune", "progetto", "utente_comune", "decreto"].map(count);
      expect(before.every((n) => n > 0)).toBe(true);

      applyMigrations(db);

      expect(["comune", "progetto", "utente_comune", "decreto"].map(count)).toEqual(before);
      expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
      expect(sqlite.pragma("foreign_key_check")).toEqual([]);
      // A suppressed comune can now be stored without an ISTAT code.
      sqlite.prepare("insert into comune (name, codice_ipa) values ('Soppresso', 'c_z000')").run();
    } finally {
      sqlite.close();
    }
  });
});
