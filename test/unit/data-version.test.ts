import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { auditedInsert } from "~/models/audited.server";
import { importOfficialFile } from "~/opendata/import.server";
import { type Actor, readDataVersion as dataVersion } from "../../db/audit";
import { comune } from "../../db/schema";
import { SHARED_DIR } from "../support/shared";
import { createTempDatabase, type TempDatabase } from "../support/temp-db";

const SAMPLE = path.join(SHARED_DIR, "data/padigitale2026/candidature_finanziate_141_sample.csv");
const ACTOR: Actor = { label: "test", userId: null };

let t: TempDatabase;
beforeEach(() => {
  t = createTempDatabase();
});
afterEach(() => t.cleanup());

const addComune = (name: string) =>
  t.db.transaction((tx) => auditedInsert(tx, ACTOR, "comune", comune, { name }));

describe("the data version of the public pages", () => {
  it("moves with every committed audited write, and not with a rolled-back one", () => {
    const before = dataVersion(t.db);
    addComune("Uno");
    const after = dataVersion(t.db);
    expect(after.id).not.toBe(before.id);
    expect(after.at).not.toBeNull();

    expect(() =>
      t.db.transaction((tx) => {
        auditedInsert(tx, ACTOR, "comune", comune, { name: "Due" });
        throw new Error("annullata");
      }),
    ).toThrow("annullata");
    expect(dataVersion(t.db)).toEqual(after);
  });

  it("moves with an open-data import, even one that only sees the same rows again", () => {
    const before = dataVersion(t.db);
    importOfficialFile(t.db, SAMPLE, { skipInvalid: false, dryRun: false });
    const imported = dataVersion(t.db);
    expect(imported.id).not.toBe(before.id);
    importOfficialFile(t.db, SAMPLE, { skipInvalid: false, dryRun: true });
    expect(dataVersion(t.db)).toEqual(imported);
    const again = importOfficialFile(t.db, SAMPLE, {
      skipInvalid: false,
      dryRun: false,
      fileDate: "2099-01-01",
    });
    expect(again.created + again.updated).toBe(0);
    expect(dataVersion(t.db).id).not.toBe(imported.id);
  });

  it("is read with indexed lookups only, whatever the size of the audit log", () => {
    const insert = t.sqlite.prepare(
      "insert into audit_log (actor, action, entity, entity_id) values ('test', 'create', 'comune', ?)",
    );
    t.sqlite.transaction(() => {
      for (let i = 0; i < 5000; i++) insert.run(i);
    })();
    addComune("Ultimo");
    const statements: string[] = [];
    const prepare = t.sqlite.prepare.bind(t.sqlite);
    const spy = vi.spyOn(t.sqlite, "prepare").mockImplementation((source: string) => {
      statements.push(source);
      return prepare(source);
    });
    dataVersion(t.db);
    spy.mockRestore();
    expect(statements.length).toBeGreaterThan(0);
    for (const source of statements) {
      const plan = t.sqlite.prepare(`explain query plan ${source}`).all() as { detail: string }[];
      for (const step of plan) expect(step.detail).not.toMatch(/^SCAN/);
    }
  });
});
