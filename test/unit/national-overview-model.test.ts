import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "~/auth/access";
import { loadNationalOverview } from "~/features/national-overview/national-overview.server";
import { importOfficialFile } from "~/opendata/import.server";
import { readSharedCsv, SHARED_DIR } from "../support/shared";
import { createTempDatabase, type TempDatabase } from "../support/temp-db";

const SAMPLE_PATH = "data/padigitale2026/candidature_finanziate_141_sample.csv";
const sample = readSharedCsv(SAMPLE_PATH);
const cents = (value: string | undefined) => Math.round(Number(value) * 100);

const admin: SessionUser = {
  id: 1,
  email: "a@example.org",
  name: "A",
  role: "admin",
  unioneId: null,
  comuneIds: [],
};

let t: TempDatabase;
beforeAll(() => {
  t = createTempDatabase();
  importOfficialFile(t.db, path.join(SHARED_DIR, SAMPLE_PATH), {
    skipInvalid: false,
    dryRun: false,
  });
});
afterAll(() => t.cleanup());

const load = (query: string, user: SessionUser = admin) =>
  loadNationalOverview(t.db, user, new URLSearchParams(query));

describe("the national overview of the imported sample", () => {
  it.each([
    ["every ente", "enti=tutti", sample],
    ["comuni alone by default", "", sample.filter((r) => r.tipologia_ente === "Comuni")],
  ])(
    "totals each region and state of %s as an independent parse of the file does",
    (_, query, rows) => {
      const expected = new Map<string, { count: number; amountCents: number }>();
      for (const r of rows) {
        const key = `${r.regione}|${r.stato_candidatura}`;
        const e = expected.get(key) ?? { count: 0, amountCents: 0 };
        e.count += 1;
        e.amountCents += cents(r.importo_finanziamento);
        expected.set(key, e);
      }
      const overview = load(query);
      const actual = new Map<string, { count: number; amountCents: number }>();
      for (const area of overview.areas)
        for (const state of ["A", "E", "R"] as const)
          if (area.totals.byState[state].count > 0)
            actual.set(`${area.key}|${state}`, area.totals.byState[state]);
      expect(actual).toEqual(expected);
      expect(overview.areaKind).toBe("regione");
      expect(overview.totals.total.count).toBe(rows.length);
      expect(overview.comuni).toBeNull();
    },
  );

  it("inside a region lists its provinces and its comuni, largest amount first", () => {
    const overview = load("regione=Toscana");
    const provinces = new Set(
      sample.filter((r) => r.regione === "Toscana").map((r) => r.provincia),
    );
    expect(overview.areaKind).toBe("provincia");
    expect(new Set(overview.areas.map((a) => a.key))).toEqual(provinces);
    expect(overview.options.province).toEqual([...provinces].sort());
    const rows = overview.comuni?.rows ?? [];
    expect(rows.length).toBeGreaterThan(0);
    const amounts = rows.map((r) => r.totals.total.amountCents);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    expect(rows.every((r) => r.readable)).toBe(true);
  });

  it("filters by province and measure, and ignores values that do not exist", () => {
    const pisa = load("regione=Toscana&provincia=PI&misura=1.4.1&enti=tutti");
    const expected = sample.filter((r) => r.provincia === "PI");
    expect(pisa.totals.total.count).toBe(expected.length);
    expect(pisa.comuni?.rows.some((c) => c.name === "Pisa")).toBe(true);

    const bogus = load("regione=Atlantide&provincia=XX&misura=9.9&pagina=-3");
    expect(bogus.filter).toEqual({
      regione: null,
      provincia: null,
      misura: null,
      enti: "comuni",
      page: 1,
    });
    expect(load("misura=1.2").totals.total.count).toBe(0);
  });

  it("shows the band and services of every 1.4.1 comune and the payments month by month", () => {
    const overview = load("enti=tutti");
    const comuniRows = sample.filter((r) => r.tipologia_ente === "Comuni");
    expect(overview.bands.rows.reduce((sum, r) => sum + r.total, 0)).toBe(comuniRows.length);
    const paid = sample.filter((r) => r.stato_candidatura === "E");
    const last = overview.payments[overview.payments.length - 1];
    expect(last?.cumulativeCents).toBe(
      paid.reduce((sum, r) => sum + cents(r.importo_finanziamento), 0),
    );
    expect(overview.payments.reduce((sum, p) => sum + p.count, 0)).toBe(paid.length);
  });

  it("links a comune only for users who may open it", () => {
    const editor: SessionUser = { ...admin, role: "editor", comuneIds: [] };
    const rows = load("regione=Liguria", editor).comuni?.rows ?? [];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.readable)).toBe(false);
    // They lead to the comune's public page instead.
    expect(rows.every((r) => /^\d{6}$/.test(r.istat ?? ""))).toBe(true);
  });
});

describe("after a newer import", () => {
  it("the overview follows the states of the new file", async () => {
    const { writeFileSync, readFileSync } = await import("node:fs");
    const text = readFileSync(path.join(SHARED_DIR, SAMPLE_PATH), "utf8");
    const lines = text.split("\n");
    const index = lines.findIndex((l) => l.includes(",A,"));
    const before = load("").totals.byState;
    lines[index] = (lines[index] ?? "").replace(",A,", ",E,");
    const newer = path.join(t.dir, "newer.csv");
    writeFileSync(newer, lines.join("\n"));
    importOfficialFile(t.db, newer, { skipInvalid: false, dryRun: false });
    const after = load("").totals.byState;
    expect(after.A.count).toBe(before.A.count - 1);
    expect(after.E.count).toBe(before.E.count + 1);
  });
});
