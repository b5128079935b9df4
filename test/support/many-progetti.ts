import type { Db } from "../../db/connection";

export interface ManyProgettiOptions {
  /** How many progetti; ten per generated comune. */
  count: number;
  /** Day around which decreti are notified, so deadlines fall before and after it. */
  around?: string;
  /** Prefix of the generated comuni's names (distinct runs in one database). */
  prefix?: string;
}

/**
 * Writes many progetti straight into the database (as an import would, one transaction and
 * prepared statements): generated comuni, 1.4.1 and 1.2 progetti with CUPs, decreti notified
 * over two years and official amounts that differ from the requested ones, so the
 * dashboard, Scadenze and the reconciliation all have thousands of rows to bound. The 1.4.1
 * progetti answer a 1.4.1 avviso (counted deadlines); the 1.2 ones carry the platform's dates.
 */
export function insertManyProgetti(db: Db, options: ManyProgettiOptions): { comuni: number } {
  const sqlite = db.$client;
  const around = Date.parse(`${options.around ?? "2026-11-22"}T00:00:00Z`);
  const prefix = options.prefix ?? "Generato";
  const day = (offset: number) => new Date(around + offset * 86_400_000).toISOString().slice(0, 10);
  const insertComune = sqlite.prepare(
    "insert into comune (name, provincia, regione, population) values (?, 'ZZ', 'Generata', ?)",
  );
  const insertProgetto = sqlite.prepare(
    `insert into progetto (comune_id, avviso_id, misura, title, cup, beneficiary_name, band,
       amount_requested_cents, official_amount_cents, official_state,
       platform_contract_due, platform_completion_due)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'A', ?, ?)`,
  );
  const avviso141 = (
    sqlite.prepare("select id from avviso where rules = 'misura-1.4.1-comuni' limit 1").get() as {
      id: number;
    }
  ).id;
  const insertDecreto = sqlite.prepare(
    "insert into decreto (progetto_id, number, decree_on, notified_on, amount_cents) values (?, ?, ?, ?, ?)",
  );
  const comuni = Math.ceil(options.count / 10);
  sqlite.transaction(() => {
    let made = 0;
    for (let c = 0; c < comuni; c++) {
      const name = `${prefix} ${String(c).padStart(5, "0")}`;
      const comuneId = Number(insertComune.run(name, 3000 + c).lastInsertRowid);
      for (let k = 0; k < 10 && made < options.count; k++, made++) {
        const misura = k % 2 === 0 ? "1.4.1" : "1.2";
        const cup = `Z${prefix.slice(0, 2).toUpperCase()}${String(made).padStart(12, "0")}`;
        // Spread over two years before `around`: some deadlines passed, some near, some far.
        const offset = -((made * 37) % 700);
        const notified = day(offset);
        const platform = misura === "1.2";
        const id = Number(
          insertProgetto.run(
            comuneId,
            platform ? null : avviso141,
            misura,
            `Progetto ${made}`,
            cup,
            name,
            1,
            4_200_000,
            4_200_100,
            platform ? day(offset + 180) : null,
            platform ? day(offset + 450) : null,
          ).lastInsertRowid,
        );
        insertDecreto.run(id, `D-${made}`, notified, notified, 4_200_000);
      }
    }
  })();
  return { comuni };
}
