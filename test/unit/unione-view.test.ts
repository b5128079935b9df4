import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addMember, removeMember } from "~/features/unione/unione-membership.server";
import { loadUnioneComparison, loadUnionePage } from "~/features/unione/unione-view.server";
import { auditLog, comune, unione } from "../../db/schema";
import { createSyntheticUnione } from "../../scripts/lib/synthetic-unione";
import { seedDemoData } from "../../scripts/seeds/demo";
import { createTempDatabase, type TempDatabase } from "../support/temp-db";

const TODAY = "2026-11-22";
const actor = { label: "coordinatore@example.org", userId: null };

let t: TempDatabase;
beforeEach(() => {
  t = createTempDatabase();
});
afterEach(() => t.cleanup());

const valleDelSavio = () =>
  t.db.select().from(unione).where(eq(unione.name, "Unione dei Comuni Valle del Savio")).get();

/** Statements prepared while running fn: every query drizzle or we run prepares one. */
function countQueries(fn: () => void): number {
  const prepare = t.sqlite.prepare.bind(t.sqlite);
  let count = 0;
  t.sqlite.prepare = ((source: string) => {
    count += 1;
    return prepare(source);
  }) as typeof t.sqlite.prepare;
  try {
    fn();
  } finally {
    t.sqlite.prepare = prepare;
  }
  return count;
}

describe("the Valle del Savio comparison", () => {
  it("has six comuni, € 878.394,00 in all, and Cesena with six services and € 328.160,00", () => {
    seedDemoData({ db: t.db, filesDir: t.filesDir, today: TODAY });
    const found = loadUnioneComparison(t.db, valleDelSavio()?.id ?? 0, {
      today: TODAY,
      atRiskDays: 30,
    });
    expect(found?.rows.map((r) => r.comune)).toEqual([
      "Bagno di Romagna",
      "Cesena",
      "Mercato Saraceno",
      "Montiano",
      "Sarsina",
      "Verghereto",
    ]);
    expect(found?.totals.amountCents).toBe(87_839_400);
    const cesena = found?.rows.find((r) => r.comune === "Cesena");
    expect(cesena).toMatchObject({ amountCents: 32_816_000, servicesCount: 6 });
  });
});

describe("the demo's invented Unione", () => {
  it("is marked dimostrativo, and its comuni hold several measures in every state after the decreto", () => {
    seedDemoData({ db: t.db, filesDir: t.filesDir, today: TODAY });
    const colli = t.db
      .select()
      .from(unione)
      .where(eq(unione.name, "Unione dimostrativa dei Colli di Prova"))
      .get();
    expect(colli?.fictional).toBe(true);
    const page = loadUnionePage(
      t.db,
      colli?.id ?? 0,
      { today: TODAY, atRiskDays: 30 },
      new URLSearchParams(),
    );
    const matrix = page?.matrix;
    expect(matrix?.columns.map((c) => c.code)).toEqual([
      "1.2",
      "1.3.1",
      "1.4.1",
      "1.4.3",
      "1.4.4",
      "1.4.5",
    ]);
    for (const row of matrix?.rows ?? [])
      expect(row.cells.filter(Boolean).length, row.comune).toBeGreaterThan(1);
    const states = new Set(
      matrix?.rows.flatMap((r) => r.cells.flatMap((c) => c?.grants.map((g) => g.state) ?? [])),
    );
    expect([...states].sort()).toEqual([
      "Asseverato",
      "Attività concluse",
      "Finanziato",
      "Fornitore contrattualizzato",
      "In mantenimento fino al 31/12/2030",
      "Revocato",
      "Rinunciato",
    ]);
    const grants = matrix?.rows.flatMap((r) => r.cells.flatMap((c) => c?.grants ?? [])) ?? [];
    const statuses = grants.map((g) => g.next?.status.kind).filter(Boolean);
    expect(statuses).toContain("overdue");
    expect(statuses).toContain("open");
    expect(grants.some((g) => (g.leftoverCents ?? 0) > 0)).toBe(true);
    expect(matrix?.total).toMatchObject({ renounced: 1, revoked: 1 });
    expect(page?.upkeep.map((u) => [u.comune, u.until])).toEqual([
      ["Poggio Campione", "2030-12-31"],
      ["Rocca Modello", "2030-12-31"],
      ["Valle Prototipo", "2030-12-31"],
    ]);
    expect(page?.sampleChecks).toEqual([
      expect.objectContaining({ comune: "Poggio Campione", outcome: null }),
    ]);
  });
});

describe("the Unione page's queries", () => {
  it("are as many for 300 member comuni as for 10", () => {
    const small = createSyntheticUnione(t.sqlite, 10);
    const large = createSyntheticUnione(t.sqlite, 300);
    let rows = 0;
    const forSmall = countQueries(() => {
      loadUnioneComparison(t.db, small, { today: TODAY, atRiskDays: 30 });
    });
    const forLarge = countQueries(() => {
      rows = loadUnioneComparison(t.db, large, { today: TODAY, atRiskDays: 30 })?.rows.length ?? 0;
    });
    expect(rows).toBe(300);
    expect(forLarge).toBe(forSmall);
    expect(forLarge).toBeLessThanOrEqual(10);
  });

  it("do not grow with the measures: the whole page for 30 comuni × 7 measures as for 1", () => {
    const one = createSyntheticUnione(t.sqlite, 30);
    const seven = createSyntheticUnione(t.sqlite, 30, { measures: 7 });
    const load = (id: number) =>
      loadUnionePage(t.db, id, { today: TODAY, atRiskDays: 30 }, new URLSearchParams());
    let page: ReturnType<typeof load> = null;
    const forOne = countQueries(() => load(one));
    const forSeven = countQueries(() => {
      page = load(seven);
    });
    expect(forSeven).toBe(forOne);
    const matrix = (page as ReturnType<typeof load>)?.matrix;
    expect(matrix?.columns).toHaveLength(7);
    expect(matrix?.rows).toHaveLength(30);
    expect(matrix?.rows.every((r) => r.cells.every((c) => c !== null))).toBe(true);
  });
});

describe("membership", () => {
  it("adds a comune by name or ISTAT code, once, and records who did it", () => {
    seedDemoData({ db: t.db, filesDir: t.filesDir, today: TODAY });
    const vds = valleDelSavio()?.id ?? 0;
    expect(addMember(t.db, actor, vds, "pisa")).toEqual({
      ok: true,
      message: "Pisa aggiunto all'Unione.",
    });
    const pisa = t.db.select().from(comune).where(eq(comune.name, "Pisa")).get();
    expect(pisa?.unioneId).toBe(vds);
    expect(addMember(t.db, actor, vds, pisa?.codiceIstat ?? "")).toMatchObject({
      ok: false,
      message: "Pisa fa già parte di questa Unione.",
    });
    const audit = t.db.select().from(auditLog).where(eq(auditLog.entity, "comune")).all();
    expect(audit.some((a) => a.actor === actor.label && a.entityId === pisa?.id)).toBe(true);

    expect(removeMember(t.db, actor, vds, pisa?.id ?? 0).ok).toBe(true);
    expect(t.db.select().from(comune).where(eq(comune.name, "Pisa")).get()?.unioneId).toBeNull();
    expect(removeMember(t.db, actor, vds, pisa?.id ?? 0)).toEqual({
      ok: false,
      message: "Il comune non fa parte di questa Unione.",
    });
  });

  it("refuses a comune of another Unione, an unknown name and an ambiguous one", () => {
    seedDemoData({ db: t.db, filesDir: t.filesDir, today: TODAY });
    const other = createSyntheticUnione(t.sqlite, 2);
    expect(addMember(t.db, actor, other, "Cesena")).toEqual({
      ok: false,
      message:
        "Cesena fa già parte dell'Unione dei Comuni Valle del Savio: un comune può appartenere a una sola Unione.",
    });
    expect(addMember(t.db, actor, other, "Atlantide").message).toBe(
      "Nessun comune trovato con «Atlantide».",
    );
    t.sqlite
      .prepare("insert into comune (name, codice_istat, provincia) values ('Pisa', '899001', 'ZZ')")
      .run();
    expect(addMember(t.db, actor, other, "Pisa").message).toMatch(
      /^Più comuni si chiamano «Pisa»: indicare il codice ISTAT/,
    );
    expect(addMember(t.db, actor, other, " ").ok).toBe(false);
  });
});
