/**
 * An invented Unione with N member comuni, each with a 1.4.1 progetto at a different stage
 * (decreto, services, determina, events), for the scale test and benchmark of the Unione page.
 * With `measures` above 1 each comune also holds a grant of the other measures (in the order
 * of MISURE), with the platform's deadlines and, in turn, a contract, an asseverazione, a
 * payment with reused economie and a sample check, or a renuncia: the page by measure.
 */
import type Database from "better-sqlite3";
import { MISURE } from "../../app/domain/measures";

export function createSyntheticUnione(
  sqlite: Database.Database,
  members: number,
  { measures = 1 }: { measures?: number } = {},
): number {
  const others = MISURE.map((m) => m.code)
    .filter((code) => code !== "1.4.1")
    .slice(0, Math.max(0, measures - 1));
  return sqlite.transaction(() => {
    const unioneId = Number(
      sqlite
        .prepare("insert into unione (name, fictional) values (?, 1)")
        .run(`Unione sintetica di ${members} comuni${measures > 1 ? ` e ${measures} misure` : ""}`)
        .lastInsertRowid,
    );
    const insertComune = sqlite.prepare(
      "insert into comune (name, codice_istat, population, unione_id, fictional) values (?, ?, ?, ?, 1)",
    );
    const insertProgetto = sqlite.prepare(
      // The decreto 32 - 1 / 2022 answered the 1.4.1 avviso of April 2022, whose rules count.
      `insert into progetto (comune_id, avviso_id, misura, title, beneficiary_name, band, services_count, amount_requested_cents)
       values (?, (select id from avviso where title = '1.4.1 Esperienza del Cittadino - Comuni - Aprile 2022'), '1.4.1', ?, ?, 1, 3, 6_671_400)`,
    );
    const insertDecreto = sqlite.prepare(
      "insert into decreto (progetto_id, number, decree_on, notified_on, amount_cents) values (?, '32 - 1 / 2022', '2022-08-19', ?, 6671400)",
    );
    const insertServizio = sqlite.prepare(
      "insert into progetto_servizio (progetto_id, servizio_id) values (?, ?)",
    );
    const insertDetermina = sqlite.prepare(
      "insert into determina (progetto_id, number, adopted_on, supplier_name, contract_on) values (?, ?, ?, 'Fornitore Sintetico Srl', ?)",
    );
    const insertEvento = sqlite.prepare(
      "insert into evento (progetto_id, kind, occurred_on, outcome, source) values (?, ?, ?, ?, 'manuale')",
    );
    // Another measure: no avviso rules, the platform's deadlines, the decreto's amount.
    const insertOther = sqlite.prepare(
      `insert into progetto (comune_id, misura, title, beneficiary_name, site_package, amount_requested_cents,
         platform_contract_due, platform_completion_due)
       values (?, ?, ?, ?, 0, ?, '2026-06-30', '2027-06-30')`,
    );
    const insertOtherDecreto = sqlite.prepare(
      "insert into decreto (progetto_id, number, decree_on, notified_on, amount_cents) values (?, '900 - 1 / 2025', '2025-03-10', '2025-03-20', ?)",
    );
    const insertPricedDetermina = sqlite.prepare(
      "insert into determina (progetto_id, number, adopted_on, supplier_name, contract_on, amount_cents) values (?, ?, '2025-06-01', 'Fornitore Sintetico Srl', '2025-06-15', ?)",
    );
    const insertAmountEvento = sqlite.prepare(
      "insert into evento (progetto_id, kind, occurred_on, outcome, amount_cents, replied_on, source) values (?, ?, ?, ?, ?, ?, 'manuale')",
    );
    for (let i = 0; i < members; i++) {
      const name = `Comune sintetico ${unioneId}-${String(i + 1).padStart(3, "0")}`;
      const comuneId = Number(
        insertComune.run(name, String(900000 + (unioneId % 90) * 1000 + i), 1000 + i * 10, unioneId)
          .lastInsertRowid,
      );
      const progettoId = Number(
        insertProgetto.run(comuneId, `Esperienza del cittadino - ${name}`, name).lastInsertRowid,
      );
      insertDecreto.run(progettoId, i % 4 === 0 ? null : "2022-12-01");
      for (const servizioId of [1, 2, 3]) insertServizio.run(progettoId, servizioId);
      if (i % 3 !== 0) insertDetermina.run(progettoId, `${100 + i}`, "2023-03-01", "2023-03-15");
      if (i % 3 === 2) {
        insertEvento.run(progettoId, "sito-online", "2023-09-01", null);
        insertEvento.run(progettoId, "asseverazione", "2023-11-01", "positiva");
      }
      others.forEach((misura, m) => {
        const amountCents = 1_000_000 + 100_000 * m + 1_000 * i;
        const id = Number(
          insertOther.run(comuneId, misura, `Misura ${misura} - ${name}`, name, amountCents)
            .lastInsertRowid,
        );
        insertOtherDecreto.run(id, amountCents);
        const stage = (i + m) % 5;
        if (stage === 4) {
          insertAmountEvento.run(id, "rinuncia", "2025-05-01", null, null, null);
          return;
        }
        if (stage === 0) return;
        insertPricedDetermina.run(id, `${m}-${i}`, Math.round(amountCents * 0.8));
        if (stage === 1) return;
        insertAmountEvento.run(id, "asseverazione", "2025-11-10", "positiva", null, null);
        if (stage === 2) return;
        insertAmountEvento.run(id, "erogazione", "2026-02-16", null, amountCents, null);
        insertAmountEvento.run(id, "riutilizzo-economie", "2026-05-04", null, 50_000, null);
        if (i % 2 === 0)
          insertAmountEvento.run(id, "controllo-campione", "2026-10-01", null, null, "2026-10-12");
      });
    }
    return unioneId;
  })();
}
