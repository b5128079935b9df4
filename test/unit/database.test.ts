import { existsSync, readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatFileSize } from "~/domain/format";
import { storedFilePath } from "~/infra/files.server";
import { loadAssessedProgetti, summarize } from "~/models/progetti.server";
import { syncReferenceData } from "../../db/reference";
import { comune, decreto, documento, progetto } from "../../db/schema";
import { seedDemoData } from "../../scripts/seeds/demo";
import { createTempDatabase, type TempDatabase } from "../support/temp-db";

let t: TempDatabase;
beforeEach(() => {
  t = createTempDatabase();
});
afterEach(() => t.cleanup());

const count = (table: string, where = "1") =>
  (t.sqlite.prepare(`select count(*) as n from ${table} where ${where}`).get() as { n: number }).n;

describe("the database", () => {
  it("runs in WAL mode with foreign keys enforced", () => {
    expect(t.sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(t.sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
  });

  it("holds the 26 services and the two 1.4.1 avvisi for comuni after setup, however often it runs", () => {
    syncReferenceData(t.db);
    expect(count("servizio")).toBe(26);
    const avvisi = t.sqlite
      .prepare("select window_label, rules from avviso order by opens_on")
      .all();
    expect(avvisi).toEqual([
      { window_label: "Aprile 2022", rules: "misura-1.4.1-comuni" },
      { window_label: "Settembre 2022", rules: "misura-1.4.1-comuni" },
    ]);
  });

  it("refuses a notification date before the decree date", () => {
    seedDemoData({ db: t.db, filesDir: t.filesDir, today: "2026-11-22" });
    const sml = t.db.select().from(progetto).where(eq(progetto.cup, "G51F22003070006")).get();
    expect(() =>
      t.db
        .update(decreto)
        .set({ notifiedOn: "2022-12-31" })
        .where(eq(decreto.progettoId, sml?.id ?? 0))
        .run(),
    ).toThrow(/CHECK constraint failed: decreto_notified_after_decree/);
  });

  it("refuses a CUP that is not 15 characters", () => {
    seedDemoData({ db: t.db, filesDir: t.filesDir, today: "2026-11-22" });
    expect(() =>
      t.db
        .update(progetto)
        .set({ cup: "G51F2200307000" })
        .where(eq(progetto.cup, "G51F22003070006"))
        .run(),
    ).toThrow(/progetto_cup_check/);
  });
});

describe("the demo data", () => {
  it("writes the real cases and the invented comuni once, however often it runs", () => {
    const first = seedDemoData({ db: t.db, filesDir: t.filesDir, today: "2026-11-22" });
    expect(first.created).toHaveLength(17);
    const second = seedDemoData({ db: t.db, filesDir: t.filesDir, today: "2026-11-23" });
    expect(second.created).toEqual([]);
    expect(count("comune")).toBe(17);
    // The invented Unione's four comuni hold eleven grants of six measures.
    expect(count("progetto")).toBe(24);
    expect(count("unione")).toBe(2);
    const fictional = t.db
      .select({ name: comune.name })
      .from(comune)
      .where(eq(comune.fictional, true))
      .all();
    expect(fictional.map((c) => c.name).sort()).toEqual([
      "Borgo Esempio",
      "Castel Prova",
      "Monte Dimostrativo",
      "Pieve Illustrativa",
      "Poggio Campione",
      "Rocca Modello",
      "San Collaudo",
      "Valle Prototipo",
      "Villa Fittizia",
    ]);
  });

  it("writes every step through the models, so each row is in the audit log as the seed's", () => {
    seedDemoData({ db: t.db, filesDir: t.filesDir, today: "2026-11-22" });
    for (const table of [
      "comune",
      "progetto",
      "decreto",
      "istanza_modifica",
      "determina",
      "evento",
      "documento",
    ]) {
      expect(
        count("audit_log", `action = 'create' and entity = '${table}' and actor = 'seed'`),
        table,
      ).toBe(count(table));
    }
    expect(count("evento")).toBeGreaterThan(0);
    expect(count("audit_log", "actor <> 'seed'")).toBe(0);
  });

  it("puts six comuni worth € 878.394 in the Unione Valle del Savio, one typed € 20 short", () => {
    seedDemoData({ db: t.db, filesDir: t.filesDir, today: "2026-11-22" });
    const rows = t.sqlite
      .prepare(
        `select count(*) n, sum(p.official_amount_cents) official, sum(p.amount_requested_cents) typed
         from progetto p join comune c on c.id = p.comune_id join unione u on u.id = c.unione_id
         where u.name = 'Unione dei Comuni Valle del Savio'`,
      )
      .get();
    expect(rows).toEqual({ n: 6, official: 87_839_400, typed: 87_837_400 });
  });

  it("stores Santa Margherita Ligure's four published PDFs with their public sizes", () => {
    seedDemoData({ db: t.db, filesDir: t.filesDir, today: "2026-11-22" });
    const docs = t.db
      .select({ documento })
      .from(documento)
      .innerJoin(progetto, eq(progetto.id, documento.progettoId))
      .where(eq(progetto.cup, "G51F22003070006"))
      .orderBy(documento.id)
      .all()
      .map((r) => r.documento);
    expect(docs.map((d) => [d.title, formatFileSize(d.sizeBytes), d.step, d.publishable])).toEqual([
      ["Candidatura", "110,77 KB", "candidatura", true],
      ["Decreto di finanziamento", "858,54 KB", "decreto", true],
      ["Istanza di modifica", "566,36 KB", "istanza", true],
      ["Determina n. 922", "272,17 KB", "determina", true],
    ]);
    for (const d of docs) {
      const bytes = readFileSync(storedFilePath(t.filesDir, d.sha256));
      expect(bytes.byteLength).toBe(d.sizeBytes);
      expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    }
  });

  it("removes a progetto's steps and document records with it", () => {
    seedDemoData({ db: t.db, filesDir: t.filesDir, today: "2026-11-22" });
    const sml = t.db.select().from(progetto).where(eq(progetto.cup, "G51F22003070006")).get();
    const id = sml?.id ?? 0;
    expect(count("determina", `progetto_id = ${id}`)).toBe(1);
    t.db.delete(progetto).where(eq(progetto.id, id)).run();
    for (const table of [
      "documento",
      "decreto",
      "istanza_modifica",
      "determina",
      "progetto_servizio",
    ]) {
      expect(count(table, `progetto_id = ${id}`)).toBe(0);
    }
    expect(count("istanza_servizio")).toBe(0);
  });

  it("shows each demo state on the home list", () => {
    seedDemoData({ db: t.db, filesDir: t.filesDir, today: "2026-11-22" });
    const summaries = loadAssessedProgetti(
      t.db,
      { today: "2026-11-22", atRiskDays: 30 },
      undefined,
    ).map(summarize);
    const byComune = new Map(summaries.map((s) => [s.comune, s.assessment]));
    expect(byComune.get("Borgo Esempio")?.next?.status.kind).toBe("overdue");
    expect(byComune.get("Castel Prova")?.next).toMatchObject({
      deadline: { extended: true },
      status: { kind: "at-risk", daysLeft: 20 },
    });
    expect(byComune.get("San Collaudo")?.next?.status.kind).toBe("open");
    expect(byComune.get("Monte Dimostrativo")?.phase).toBe("erogato");
    expect(byComune.get("Villa Fittizia")?.phase).toBe("rinunciato");
    // After payment: upkeep, a sample check under way, economie partly reused.
    const paid = byComune.get("Monte Dimostrativo")?.closure;
    expect(paid?.state).toEqual({ kind: "mantenimento", until: "2029-12-31" });
    expect(paid?.payment).toEqual({ on: "2024-03-14", amountCents: 7_992_200, reversale: "412" });
    expect(paid?.upkeep?.declarations.map((d) => d.status)).toEqual([
      "presentata",
      "in-corso",
      "futura",
      "futura",
      "futura",
    ]);
    expect(paid?.sampleChecks).toMatchObject([{ requestedOn: "2026-10-05", outcome: null }]);
    expect(paid?.leftover).toMatchObject({
      economieCents: 1_502_200,
      reusedCents: 950_000,
      leftCents: 552_200,
      warnings: [],
    });
    expect(byComune.get("Santa Margherita Ligure")).toMatchObject({
      phase: "contrattualizzato",
      services: [13, 16, 20, 25],
      deadlines: {
        contract: { due: "2023-10-20", metOn: "2023-08-23" },
        completion: { due: "2024-08-17" },
      },
    });
    expect(existsSync(t.filesDir)).toBe(true);
  });
});
