/** The avvisi of the shared file become rows with their rules, once, without undoing an edit. */
import { afterEach, describe, expect, it } from "vitest";
import { readAvvisiCsv, seedAvvisi } from "../../scripts/seeds/avvisi";
import { readSharedCsv } from "../support/shared";
import { createTempDatabase, type TempDatabase } from "../support/temp-db";

let temp: TempDatabase | undefined;
afterEach(() => temp?.cleanup());

const rows = (t: TempDatabase) =>
  t.sqlite
    .prepare(
      "select title, misura, target, window_label windowLabel, opens_on opensOn, contract_from contractFrom, contract_days_small contractDaysSmall, contract_days_large contractDaysLarge, completion_from completionFrom, completion_days_small completionDaysSmall, completion_days_large completionDaysLarge, final_deadline finalDeadline from avviso order by title",
    )
    .all() as Record<string, unknown>[];

describe("seeding the avvisi of PA digitale 2026", () => {
  it("writes every avviso of the shared file, once", () => {
    temp = createTempDatabase();
    const t = temp;
    const titles = readSharedCsv("data/padigitale2026/avvisi.csv").map((r) => r.titolo);
    expect(seedAvvisi(t.db)).toBe(titles.length);
    expect(seedAvvisi(t.db)).toBe(titles.length);
    expect(rows(t).map((r) => r.title)).toEqual([...new Set(titles)].sort());
  });

  it("keeps 180/270 and 270/360 days for 1.4.1 Comuni, and counts nothing it does not know", () => {
    temp = createTempDatabase();
    const t = temp;
    seedAvvisi(t.db);
    const byTitle = new Map(rows(t).map((r) => [r.title, r]));
    expect(byTitle.get("1.4.1 Esperienza del Cittadino - Comuni - Settembre 2022")).toMatchObject({
      misura: "1.4.1",
      windowLabel: "Settembre 2022",
      contractFrom: "notifica",
      contractDaysSmall: 180,
      contractDaysLarge: 270,
      completionFrom: "contratto",
      completionDaysSmall: 270,
      completionDaysLarge: 360,
      finalDeadline: "2026-03-31",
    });
    expect(byTitle.get("1.4.3 - pagoPA - Comuni - maggio 2023")).toMatchObject({
      misura: "1.4.3",
      target: "Comuni",
      windowLabel: "maggio 2023",
      opensOn: "2023-05-11",
      contractFrom: null,
      completionFrom: null,
      finalDeadline: "2026-03-31",
    });
    expect(
      byTitle.get("1.4.5 'Piattaforma Notifiche Digitali' Comuni (maggio 2024)"),
    ).toMatchObject({ misura: "1.4.5", windowLabel: "maggio 2024" });
    // An avviso opened after the decree sets its own terms: no last date is invented for it.
    expect(byTitle.get("1.2 Abilitazione al Cloud - Comuni - luglio 2025")).toMatchObject({
      finalDeadline: null,
    });
  });

  it("runs again over progetti waiting to be assessed", () => {
    temp = createTempDatabase();
    const t = temp;
    seedAvvisi(t.db);
    const comune = Number(
      t.sqlite.prepare("insert into comune (name) values ('Prova')").run().lastInsertRowid,
    );
    t.sqlite
      .prepare(
        "insert into progetto (comune_id, avviso_id, misura, title, beneficiary_name) select ?, id, '1.4.1', 'Sito', 'Prova' from avviso where rules = 'misura-1.4.1-comuni'",
      )
      .run(comune);
    expect(() => seedAvvisi(t.db)).not.toThrow();
  });

  it("leaves alone the rules an administrator edited", () => {
    temp = createTempDatabase();
    const t = temp;
    seedAvvisi(t.db);
    t.sqlite
      .prepare(
        "update avviso set final_deadline = '2026-06-30', updated_at = '2026-01-01T00:00:00Z' where title = '1.4.1 Esperienza del Cittadino - Comuni - Aprile 2022'",
      )
      .run();
    seedAvvisi(t.db);
    const row = rows(t).find(
      (r) => r.title === "1.4.1 Esperienza del Cittadino - Comuni - Aprile 2022",
    );
    expect(row?.finalDeadline).toBe("2026-06-30");
  });

  it("does nothing without the shared file", () => {
    expect(readAvvisiCsv("/nonexistent/avvisi.csv")).toEqual([]);
  });
});
