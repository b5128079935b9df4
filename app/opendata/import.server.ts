/**
 * Imports official open-data rows in one transaction. Official figures go to the official_*
 * columns and the state; what users typed (decreto notification, determine, documents,
 * notes, their own amounts) is never overwritten, so differences stay visible.
 */
import type Database from "better-sqlite3";
import { type Actor, writeAudit } from "../../db/audit";
import type { Db } from "../../db/connection";
import { misuraByCode, RULES } from "../domain/measures";
import { type OfficialRow, type RowProblem, readOfficialRow } from "../domain/opendata-row";
import type { RawRecord } from "./read.server";

export interface RowReport extends RowProblem {
  line: number;
}

export interface ImportSummary {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  problems: RowReport[];
}

export class ImportRejected extends Error {
  constructor(readonly problems: RowReport[]) {
    super(`${problems.length} righe non leggibili: nessuna modifica al database`);
  }
}

class DryRun extends Error {}

const ACTOR: Actor = { label: "import", userId: null };

/** Reads every row first, so a bad file is refused before the database is touched. */
export async function collectRows(
  batches: AsyncIterable<RawRecord[]>,
  onRow?: (count: number) => void,
): Promise<{ rows: { line: number; row: OfficialRow }[]; problems: RowReport[] }> {
  const rows: { line: number; row: OfficialRow }[] = [];
  const problems: RowReport[] = [];
  const seen = new Map<string, { line: number; row: OfficialRow }>();
  let count = 0;
  for await (const batch of batches) {
    for (const record of batch) {
      count += 1;
      onRow?.(count);
      if ("problem" in record) {
        problems.push({ line: record.line, ...record.problem });
        continue;
      }
      const result = readOfficialRow(record.values);
      if ("problems" in result) {
        for (const p of result.problems) problems.push({ line: record.line, ...p });
        continue;
      }
      const key = rowKey(result.row);
      const earlier = seen.get(key);
      if (earlier) {
        if (!sameRow(earlier.row, result.row)) {
          problems.push({
            line: record.line,
            column: "codice_cup",
            reason: `stesso progetto della riga ${earlier.line} con dati diversi`,
          });
        }
        continue;
      }
      seen.set(key, { line: record.line, row: result.row });
      rows.push({ line: record.line, row: result.row });
    }
  }
  return { rows, problems };
}

function sameRow(a: OfficialRow, b: OfficialRow): boolean {
  return (Object.keys(a) as (keyof OfficialRow)[]).every((k) => a[k] === b[k]);
}

function rowKey(row: OfficialRow): string {
  return row.cup ? `cup:${row.cup}|${row.avviso}` : `ipa:${row.codiceIpa}|${row.avviso}`;
}

export function applyRows(
  db: Db,
  rows: readonly { line: number; row: OfficialRow }[],
  problems: RowReport[],
  options: { skipInvalid: boolean; dryRun: boolean; now?: string },
): ImportSummary {
  if (problems.length > 0 && !options.skipInvalid) throw new ImportRejected(problems);
  const summary: ImportSummary = {
    rows: rows.length + problems.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: new Set(problems.map((p) => p.line)).size,
    problems,
  };
  const writer = new ImportWriter(db.$client, options.now ?? new Date().toISOString());
  try {
    db.transaction((tx) => {
      for (const { row } of rows) summary[writer.apply(row)] += 1;
      // One audit entry per import that changed something: who, when and how much.
      if (summary.created + summary.updated > 0) {
        writeAudit(tx, ACTOR, {
          action: "create",
          entity: "import",
          entityId: null,
          after: {
            created: summary.created,
            updated: summary.updated,
            unchanged: summary.unchanged,
            skipped: summary.skipped,
          },
        });
      }
      if (options.dryRun) throw new DryRun();
    });
  } catch (error) {
    if (!(error instanceof DryRun)) throw error;
  }
  return summary;
}

const KINDS: Record<string, "comune" | "scuola" | "altro"> = { Comuni: "comune", Scuole: "scuola" };
const OFFICIAL = [
  "official_state",
  "official_state_on",
  "official_amount_cents",
  "official_decreto_number",
  "official_decree_on",
] as const;

interface KnownProgetto {
  id: number;
  official: (string | number | null)[];
}

/**
 * Writes rows with prepared statements and in-memory indexes of what exists, loaded once:
 * a national file has 10^4-10^5 rows and a query per row per table would dominate.
 */
class ImportWriter {
  private readonly comuni = new Map<string, { id: number; ipa: string | null }>();
  private readonly avvisi = new Map<string, number>();
  private readonly progetti = new Map<string, KnownProgetto>();
  private readonly events = new Map<string, number>();
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
    for (const p of all<
      Record<string, string | number | null> & {
        id: number;
        cup: string | null;
        ipa: string | null;
        avviso_id: number | null;
      }
    >(`select id, cup, beneficiary_ipa ipa, avviso_id, ${OFFICIAL.join(", ")} from progetto`)) {
      const known = { id: p.id, official: OFFICIAL.map((c) => p[c] ?? null) };
      if (p.cup) this.progetti.set(`cup:${p.cup}|${p.avviso_id}`, known);
      else if (p.ipa) this.progetti.set(`ipa:${p.ipa}|${p.avviso_id}`, known);
    }
    for (const e of all<{ id: number; progetto_id: number; kind: string }>(
      "select id, progetto_id, kind from evento where source = 'opendata'",
    )) {
      this.events.set(`${e.progetto_id}|${e.kind}`, e.id);
    }
    this.sql = {
      insertComune: sqlite.prepare(
        "insert into comune (name, codice_istat, codice_ipa, provincia, regione) values (?, ?, ?, ?, ?)",
      ),
      setComuneIpa: sqlite.prepare(
        "update comune set codice_ipa = ? where id = ? and codice_ipa is null",
      ),
      insertAvviso: sqlite.prepare(
        "insert into avviso (title, misura, target, window_label, rules) values (?, ?, ?, ?, ?)",
      ),
      insertProgetto: sqlite.prepare(
        `insert into progetto (comune_id, avviso_id, misura, title, cup, beneficiary_kind, beneficiary_name,
           beneficiary_ipa, candidatura_sent_on, amount_requested_cents, band, services_count, imported_at, ${OFFICIAL.join(", ")})
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      updateOfficial: sqlite.prepare(
        `update progetto set ${OFFICIAL.map((c) => `${c} = ?`).join(", ")}, imported_at = ?, updated_at = ? where id = ?`,
      ),
      insertDecreto: sqlite.prepare(
        "insert into decreto (progetto_id, number, decree_on, amount_cents) values (?, ?, ?, ?)",
      ),
      insertEvento: sqlite.prepare(
        "insert into evento (progetto_id, kind, occurred_on, amount_cents, source) values (?, ?, ?, ?, 'opendata')",
      ),
      updateEvento: sqlite.prepare(
        "update evento set occurred_on = ?, amount_cents = ? where id = ?",
      ),
    };
  }

  apply(row: OfficialRow): "created" | "updated" | "unchanged" {
    const comuneId = this.comune(row);
    const avvisoId = this.avviso(row);
    const key = row.cup ? `cup:${row.cup}|${avvisoId}` : `ipa:${row.codiceIpa}|${avvisoId}`;
    const official = [row.state, row.stateOn, row.amountCents, row.decretoNumber, row.decreeOn];
    const known = this.progetti.get(key);
    let outcome: "created" | "updated" | "unchanged";
    let id: number;
    if (!known) {
      id = Number(
        this.sql.insertProgetto.run(
          comuneId,
          avvisoId,
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
          ...official,
        ).lastInsertRowid,
      );
      if (row.decretoNumber && row.decreeOn)
        this.sql.insertDecreto.run(id, row.decretoNumber, row.decreeOn, row.amountCents);
      this.progetti.set(key, { id, official });
      outcome = "created";
    } else {
      id = known.id;
      const changed = official.some((v, i) => v !== known.official[i]);
      if (changed) {
        this.sql.updateOfficial.run(...official, this.now, this.now, id);
        known.official = official;
      }
      outcome = changed ? "updated" : "unchanged";
    }
    this.stateEvent(id, row);
    return outcome;
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
      this.sql.insertComune.run(row.comune, row.codiceIstat, ipa, row.provincia, row.regione)
        .lastInsertRowid,
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
    const amount = kind === "erogazione" ? row.amountCents : null;
    const known = this.events.get(`${progettoId}|${kind}`);
    if (known !== undefined) this.sql.updateEvento.run(row.stateOn, amount, known);
    else
      this.events.set(
        `${progettoId}|${kind}`,
        Number(this.sql.insertEvento.run(progettoId, kind, row.stateOn, amount).lastInsertRowid),
      );
  }
}
