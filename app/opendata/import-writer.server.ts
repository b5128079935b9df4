/**
 * Writes checked open-data rows with prepared statements and in-memory maps of what exists,
 * loaded once: a national file has 10^4-10^5 rows and a query per row per table would dominate.
 */
import type Database from "better-sqlite3";
import { misuraByCode, RULES } from "../domain/measures";
import type { OfficialRow } from "../domain/opendata-row";

const KINDS: Record<string, "comune" | "scuola" | "altro"> = { Comuni: "comune", Scuole: "scuola" };
const OFFICIAL = [
  "official_state",
  "official_state_on",
  "official_amount_cents",
  "official_decreto_number",
  "official_decree_on",
] as const;
type OfficialValues = (string | number | null)[];
/** As SQLite's json_array writes them, to compare with what is stored. */
const officialJson = (values: OfficialValues) => JSON.stringify(values);

interface KnownProgetto {
  id: number;
  official: string;
  /** Line and content hash of the row that wrote it in this import; 0 before. */
  line: number;
  hash: number;
}

interface KnownEvent {
  id: number;
  occurredOn: string;
  amountCents: number | null;
}

export type RowOutcome = "created" | "updated" | "unchanged" | { conflictsWithLine: number | null };

/** Two progetti of one file are one when they share CUP (or codice IPA) and avviso. */
function keyOf(row: OfficialRow): string {
  return row.cup ? `cup:${row.cup}|${row.avviso}` : `ipa:${row.codiceIpa}|${row.avviso}`;
}

/**
 * FNV-1a over the values of the row outside its key: a repeated row must repeat them
 * exactly. Hashed rather than kept, so memory does not grow with the file.
 */
function hashRow(row: OfficialRow): number {
  let hash = 0x811c9dc5;
  for (const value of [
    row.codiceIpa,
    row.ente,
    row.tipologiaEnte,
    row.codiceIstat,
    row.comune,
    row.provincia,
    row.regione,
    row.amountCents,
    row.misura,
    row.candidaturaSentOn,
    row.decreeOn,
    row.decretoNumber,
    row.state,
    row.stateOn,
  ]) {
    const text = value === null ? "\u0000" : typeof value === "string" ? value : String(value);
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    hash = Math.imul(hash ^ 0x1f, 0x01000193);
  }
  return hash >>> 0;
}

export class ImportWriter {
  private readonly comuni = new Map<string, { id: number; ipa: string | null }>();
  private readonly avvisi = new Map<string, number>();
  private readonly progetti = new Map<string, KnownProgetto>();
  private readonly events = new Map<string, KnownEvent>();
  private readonly sql;

  constructor(
    sqlite: Database.Database,
    private readonly now: string,
  ) {
    const all = <T>(query: string) => sqlite.prepare(query).all() as T[];
    for (const c of all<{ id: number; istat: string; ipa: string | null }>(
      "select id, codice_istat istat, codice_ipa ipa from comune",
    )) {
      this.comuni.set(c.istat, { id: c.id, ipa: c.ipa });
    }
    for (const a of all<{ id: number; title: string }>("select id, title from avviso"))
      this.avvisi.set(a.title, a.id);
    // Keys and official values built by SQLite: two strings a row instead of seven.
    const progetti = sqlite.prepare(
      `select case when p.cup is not null then 'cup:' || p.cup else 'ipa:' || p.beneficiary_ipa end
                || '|' || coalesce(a.title, ''),
              p.id, json_array(${OFFICIAL.map((c) => `p.${c}`).join(", ")})
       from progetto p left join avviso a on a.id = p.avviso_id
       where p.cup is not null or p.beneficiary_ipa is not null`,
    );
    for (const [key, id, official] of progetti.raw(true).iterate() as Iterable<
      [string, number, string]
    >) {
      this.progetti.set(key, { id, official, line: 0, hash: 0 });
    }
    const events = sqlite.prepare(
      `select progetto_id || '|' || kind, id, occurred_on, amount_cents
       from evento where source = 'opendata'`,
    );
    for (const [key, id, occurredOn, amountCents] of events.raw(true).iterate() as Iterable<
      [string, number, string, number | null]
    >) {
      this.events.set(key, { id, occurredOn, amountCents });
    }
    this.sql = {
      insertComune: sqlite.prepare(
        "insert into comune (name, codice_istat, codice_ipa, provincia, regione, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)",
      ),
      setComuneIpa: sqlite.prepare(
        "update comune set codice_ipa = ? where id = ? and codice_ipa is null",
      ),
      insertAvviso: sqlite.prepare(
        "insert into avviso (title, misura, target, window_label, rules) values (?, ?, ?, ?, ?)",
      ),
      insertProgetto: sqlite.prepare(
        `insert into progetto (comune_id, avviso_id, misura, title, cup, beneficiary_kind, beneficiary_name,
           beneficiary_ipa, candidatura_sent_on, amount_requested_cents, band, services_count, imported_at,
           created_at, updated_at, ${OFFICIAL.join(", ")})
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      updateOfficial: sqlite.prepare(
        `update progetto set ${OFFICIAL.map((c) => `${c} = ?`).join(", ")}, imported_at = ?, updated_at = ? where id = ?`,
      ),
      insertDecreto: sqlite.prepare(
        "insert into decreto (progetto_id, number, decree_on, amount_cents, created_at, updated_at) values (?, ?, ?, ?, ?, ?)",
      ),
      insertEvento: sqlite.prepare(
        "insert into evento (progetto_id, kind, occurred_on, amount_cents, source, created_at, updated_at) values (?, ?, ?, ?, 'opendata', ?, ?)",
      ),
      updateEvento: sqlite.prepare(
        "update evento set occurred_on = ?, amount_cents = ?, updated_at = ? where id = ?",
      ),
    };
  }

  /** Writes one row; a second row for the same progetto is ignored, or a conflict if it differs. */
  apply(row: OfficialRow, line: number): RowOutcome {
    const key = keyOf(row);
    const known = this.progetti.get(key);
    const hash = hashRow(row);
    if (known && known.line > 0)
      return { conflictsWithLine: known.hash === hash ? null : known.line };
    const official: OfficialValues = [
      row.state,
      row.stateOn,
      row.amountCents,
      row.decretoNumber,
      row.decreeOn,
    ];
    let outcome: "created" | "updated" | "unchanged";
    let id: number;
    if (!known) {
      id = this.insertProgetto(row, official);
      this.progetti.set(key, { id, official: officialJson(official), line, hash });
      outcome = "created";
    } else {
      id = known.id;
      known.line = line;
      known.hash = hash;
      const json = officialJson(official);
      const changed = json !== known.official;
      if (changed) {
        this.sql.updateOfficial.run(...official, this.now, this.now, id);
        known.official = json;
      }
      outcome = changed ? "updated" : "unchanged";
    }
    this.stateEvent(id, row);
    return outcome;
  }

  private insertProgetto(row: OfficialRow, official: OfficialValues): number {
    const id = Number(
      this.sql.insertProgetto.run(
        this.comune(row),
        this.avviso(row),
        row.misura,
        `${misuraByCode(row.misura)?.title ?? `Misura ${row.misura}`} - ${row.ente}`,
        row.cup,
        KINDS[row.tipologiaEnte] ?? "altro",
        row.ente,
        row.codiceIpa,
        row.candidaturaSentOn,
        row.amountCents,
        row.band,
        row.servicesCount,
        this.now,
        this.now,
        this.now,
        ...official,
      ).lastInsertRowid,
    );
    if (row.decretoNumber && row.decreeOn)
      this.sql.insertDecreto.run(
        id,
        row.decretoNumber,
        row.decreeOn,
        row.amountCents,
        this.now,
        this.now,
      );
    return id;
  }

  private comune(row: OfficialRow): number {
    const ipa = row.tipologiaEnte === "Comuni" ? row.codiceIpa : null;
    const known = this.comuni.get(row.codiceIstat);
    if (known) {
      if (ipa && known.ipa === null) {
        this.sql.setComuneIpa.run(ipa, known.id);
        known.ipa = ipa;
      }
      return known.id;
    }
    const id = Number(
      this.sql.insertComune.run(
        row.comune,
        row.codiceIstat,
        ipa,
        row.provincia,
        row.regione,
        this.now,
        this.now,
      ).lastInsertRowid,
    );
    this.comuni.set(row.codiceIstat, { id, ipa });
    return id;
  }

  private avviso(row: OfficialRow): number {
    const known = this.avvisi.get(row.avviso);
    if (known !== undefined) return known;
    const parts = row.avviso.split(" - ").map((p) => p.trim());
    const target = parts.length >= 3 ? (parts[parts.length - 2] ?? null) : null;
    const rules = row.misura === "1.4.1" && target === "Comuni" ? RULES.comuni141 : null;
    const window = parts.length >= 2 ? (parts[parts.length - 1] ?? null) : null;
    const id = Number(
      this.sql.insertAvviso.run(row.avviso, row.misura, target, window, rules).lastInsertRowid,
    );
    this.avvisi.set(row.avviso, id);
    return id;
  }

  /** E and R become the erogazione or rinuncia event on the timeline, once. */
  private stateEvent(progettoId: number, row: OfficialRow): void {
    if (row.state === "A" || row.stateOn === null) return;
    const kind = row.state === "E" ? "erogazione" : "rinuncia";
    const amountCents = kind === "erogazione" ? row.amountCents : null;
    const key = `${progettoId}|${kind}`;
    const known = this.events.get(key);
    if (!known) {
      const id = Number(
        this.sql.insertEvento.run(progettoId, kind, row.stateOn, amountCents, this.now, this.now)
          .lastInsertRowid,
      );
      this.events.set(key, { id, occurredOn: row.stateOn, amountCents });
    } else if (known.occurredOn !== row.stateOn || known.amountCents !== amountCents) {
      this.sql.updateEvento.run(row.stateOn, amountCents, this.now, known.id);
      known.occurredOn = row.stateOn;
      known.amountCents = amountCents;
    }
  }
}
