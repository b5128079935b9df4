/**
 * An invented Unione with N member comuni, each with a 1.4.1 progetto at a different stage
 * (decreto, services, determina, events), for the scale test and benchmark of the Unione page.
 */
import type Database from "better-sqlite3";

export function createSyntheticUnione(sqlite: Database.Database, members: number): number {
  return sqlite.transaction(() => {
    const unioneId = Number(
      sqlite
        .prepare("insert into unione (name, fictional) values (?, 1)")
        .run(`Unione sintetica di ${members} comuni`).lastInsertRowid,
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
    }
    return unioneId;
  })();
}
