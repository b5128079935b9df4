/**
 * Writes checked open-data rows with prepared statements and in-memory maps of what exists,
 * loaded once: a national file has 10^4-10^5 rows and a query per row per table would dominate.
 *
 * Identity: an ente is its codice IPA; a comune is found by IPA code, then by codice
 * catastale, and only then by ISTAT code (which changes between files and can be shared or
 * N/D). A progetto is its official key (CUP, avviso, window), never its editable CUP.
 * Official facts carry the date of the file that set them: an older file leaves them be.
 */
import type Database from "better-sqlite3";
import { misuraByCode, RULES } from "../domain/measures";
import {
  catastaleOf,
  type EnteKind,
  enteKindOf,
  legacyKeyOf,
  officialKeyOf,
} from "./ente-identity";
import type { OfficialRow } from "./opendata-row";

const BENEFICIARY: Record<EnteKind, "comune" | "scuola" | "altro"> = {
  comune: "comune",
  scuola: "scuola",
  regione: "altro",
  provincia: "altro",
  asl: "altro",
  altro: "altro",
};
const OFFICIAL = [
  "official_state",
  "official_state_on",
  "official_amount_cents",
  "official_decreto_number",
  "official_decree_on",
  "official_protocol",
] as const;
type OfficialValues = (string | number | null)[];
/** As SQLite's json_array writes them, to compare with what is stored. */
const officialJson = (values: OfficialValues) => JSON.stringify(values);

interface KnownProgetto {
  id: number;
  /**
   * Its official values as stored, to tell an update; null once a row of this import wrote
   * it (a repeated row is compared by hash), so a national file keeps no copy of each row.
   */
  official: string | null;
  seenOn: string;
  /** Line and content hash of the row that wrote it in this import; 0 before. */
  line: number;
  hash: number;
}

interface KnownEvent {
  id: number;
  occurredOn: string;
  amountCents: number | null;
}

interface KnownComune {
  id: number;
  ipa: string | null;
  catastale: string | null;
  istat: string | null;
  name: string;
  provincia: string | null;
  codProvincia: string | null;
  regione: string | null;
  codRegione: string | null;
  suppressed: boolean;
  seenOn: string;
}

interface KnownEnte {
  id: number;
  name: string;
  tipologia: string;
  comuneId: number;
  seenOn: string;
}

export type RowOutcome = "created" | "updated" | "unchanged" | { conflictsWithLine: number | null };

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
    row.codProvincia,
    row.regione,
    row.codRegione,
    row.amountCents,
    row.misura,
    row.candidaturaSentOn,
    row.decreeOn,
    row.decretoNumber,
    row.protocol,
    row.state,
    row.stateOn,
  ]) {
    const text = value === null ? "\u0000" : typeof value === "string" ? value : String(value);
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    hash = Math.imul(hash ^ 0x1f, 0x01000193);
  }
  return hash >>> 0;
}

const nameKey = (name: string) => name.trim().toLowerCase();

/**
 * A copy of a row's text that does not hold on to the file: V8 keeps a long substring as a
 * view of the string it was cut from, and the reader cuts fields from 1 MB chunks, so one
 * ente's name kept in a map kept its whole chunk alive (100,000 rows: 50 MB).
 */
function own(text: string): string;
function own(text: string | null): string | null;
function own(text: string | null): string | null {
  return text === null || text.length < 13 ? text : ` ${text}`.slice(1);
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function removeFrom<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) return;
  const index = list.indexOf(value);
  if (index >= 0) list.splice(index, 1);
}

export class ImportWriter {
  private readonly comuniByIpa = new Map<string, KnownComune>();
  private readonly comuniByCatastale = new Map<string, KnownComune>();
  private readonly comuniByIstat = new Map<string, KnownComune[]>();
  private readonly comuniByName = new Map<string, KnownComune[]>();
  private readonly comuniById = new Map<number, KnownComune>();
  /** comune id|ISTAT code → dates of the first and last file that showed it. */
  private readonly history = new Map<string, { first: string; last: string }>();
  /** Earlier ISTAT code → comuni that had it, for enti located by an outdated code. */
  private readonly formerIstat = new Map<string, number[]>();
  private readonly enti = new Map<string, KnownEnte>();
  private readonly avvisi = new Map<string, number>();
  private readonly progetti = new Map<string, KnownProgetto>();
  /** Progetti without an official key (imported before windows, or typed in), by CUP and avviso. */
  private readonly legacy = new Map<string, { id: number; official: string }>();
  private readonly events = new Map<string, KnownEvent>();
  private readonly sql;
  /** Comuni and enti whose official facts this import changed. */
  changedEnti = 0;

  constructor(
    sqlite: Database.Database,
    private readonly now: string,
    /** The file's date (see latestDay): what it says is as of that day. */
    private readonly fileDate: string,
  ) {
    const all = <T>(query: string) => sqlite.prepare(query).all() as T[];
    for (const c of all<Omit<KnownComune, "suppressed"> & { suppressed: number }>(
      `select id, lower(trim(codice_ipa)) ipa, codice_catastale catastale, codice_istat istat, name,
              provincia, cod_provincia codProvincia, regione, cod_regione codRegione,
              suppressed, coalesce(official_seen_on, '') seenOn
       from comune`,
    )) {
      this.remember({ ...c, suppressed: c.suppressed === 1 });
    }
    for (const h of all<{ comuneId: number; istat: string; first: string; last: string }>(
      `select comune_id comuneId, codice_istat istat, first_seen_on first, last_seen_on last
       from comune_codice_istat`,
    )) {
      this.history.set(`${h.comuneId}|${h.istat}`, { first: h.first, last: h.last });
      pushTo(this.formerIstat, h.istat, h.comuneId);
    }
    for (const e of all<KnownEnte & { ipa: string }>(
      `select id, codice_ipa ipa, name, tipologia, comune_id comuneId,
              coalesce(official_seen_on, '') seenOn from ente`,
    ))
      this.enti.set(e.ipa, e);
    for (const a of all<{ id: number; title: string }>("select id, title from avviso"))
      this.avvisi.set(a.title, a.id);
    const officialColumns = `json_array(${OFFICIAL.map((c) => `p.${c}`).join(", ")})`;
    // Keys and official values built by SQLite: a few strings a row instead of seven values.
    for (const [key, id, official, seenOn] of sqlite
      .prepare(
        `select p.official_key, p.id, ${officialColumns}, coalesce(p.official_seen_on, '')
         from progetto p where p.official_key is not null`,
      )
      .raw(true)
      .iterate() as Iterable<[string, number, string, string]>) {
      this.progetti.set(key, { id, official, seenOn, line: 0, hash: 0 });
    }
    for (const [key, id, official] of sqlite
      .prepare(
        `select case when p.cup is not null then 'cup:' || p.cup
                     else 'ipa:' || lower(trim(p.beneficiary_ipa)) end || '|' || coalesce(a.title, ''),
                p.id, ${officialColumns}
         from progetto p left join avviso a on a.id = p.avviso_id
         where p.official_key is null and (p.cup is not null or p.beneficiary_ipa is not null)
         order by p.id desc`,
      )
      .raw(true)
      .iterate() as Iterable<[string, number, string]>) {
      // Descending, so the oldest progetto with the key is the one kept.
      this.legacy.set(key, { id, official });
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
        `insert into comune (name, codice_istat, codice_catastale, codice_ipa, provincia, cod_provincia,
           regione, cod_regione, suppressed, official_seen_on, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      setComuneIdentity: sqlite.prepare(
        "update comune set codice_ipa = ?, codice_catastale = ?, updated_at = ? where id = ?",
      ),
      setComuneFacts: sqlite.prepare(
        `update comune set name = ?, codice_istat = ?, provincia = ?, cod_provincia = ?, regione = ?,
           cod_regione = ?, suppressed = ?, official_seen_on = ?, updated_at = ? where id = ?`,
      ),
      insertHistory: sqlite.prepare(
        "insert into comune_codice_istat (comune_id, codice_istat, first_seen_on, last_seen_on) values (?, ?, ?, ?)",
      ),
      updateHistory: sqlite.prepare(
        "update comune_codice_istat set first_seen_on = ?, last_seen_on = ? where comune_id = ? and codice_istat = ?",
      ),
      insertEnte: sqlite.prepare(
        `insert into ente (codice_ipa, name, tipologia, kind, comune_id, official_seen_on, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      updateEnte: sqlite.prepare(
        "update ente set name = ?, tipologia = ?, kind = ?, comune_id = ?, official_seen_on = ?, updated_at = ? where id = ?",
      ),
      insertAvviso: sqlite.prepare(
        "insert into avviso (title, misura, target, window_label, rules) values (?, ?, ?, ?, ?)",
      ),
      insertProgetto: sqlite.prepare(
        `insert into progetto (comune_id, ente_id, avviso_id, misura, title, cup, official_cup, official_key,
           official_window, official_seen_on, beneficiary_kind, beneficiary_name, beneficiary_ipa,
           candidatura_sent_on, amount_requested_cents, band, services_count,
           imported_at, created_at, updated_at, ${OFFICIAL.join(", ")})
         values (${Array.from({ length: 20 + OFFICIAL.length }, () => "?").join(", ")})`,
      ),
      adoptProgetto: sqlite.prepare(
        `update progetto set official_key = ?, official_cup = ?, official_window = ?,
           ente_id = coalesce(ente_id, ?) where id = ?`,
      ),
      updateOfficial: sqlite.prepare(
        `update progetto set ${OFFICIAL.map((c) => `${c} = ?`).join(", ")}, official_seen_on = ?,
           imported_at = ?, updated_at = ? where id = ?`,
      ),
      setSeen: sqlite.prepare("update progetto set official_seen_on = ? where id = ?"),
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
    const avvisoId = this.avviso(row);
    const key = officialKeyOf(row, avvisoId);
    let known = this.progetti.get(key);
    const hash = hashRow(row);
    if (known && known.line > 0)
      return { conflictsWithLine: known.hash === hash ? null : known.line };
    const kind = enteKindOf(row.tipologiaEnte);
    const comuneId = this.comune(row, kind);
    const enteId = this.ente(row, kind, comuneId);
    const official: OfficialValues = [
      row.state,
      row.stateOn,
      row.amountCents,
      row.decretoNumber,
      row.decreeOn,
      row.protocol,
    ];
    if (!known) {
      const legacyKey = legacyKeyOf(row);
      const adopted = this.legacy.get(legacyKey);
      if (adopted) {
        this.legacy.delete(legacyKey);
        this.sql.adoptProgetto.run(key, row.cup, row.window, enteId, adopted.id);
        known = { id: adopted.id, official: adopted.official, seenOn: "", line: 0, hash: 0 };
        this.progetti.set(key, known);
      }
    }
    if (!known) {
      const id = this.insertProgetto(row, key, avvisoId, kind, comuneId, enteId, official);
      this.progetti.set(key, { id, official: null, seenOn: this.fileDate, line, hash });
      this.stateEvent(id, row, true);
      return "created";
    }
    const stored = known.official;
    known.official = null;
    known.line = line;
    known.hash = hash;
    // An older file: what it says of this progetto is superseded.
    if (this.fileDate < known.seenOn) return "unchanged";
    const changed = officialJson(official) !== stored;
    if (changed)
      this.sql.updateOfficial.run(...official, this.fileDate, this.now, this.now, known.id);
    else if (known.seenOn !== this.fileDate) this.sql.setSeen.run(this.fileDate, known.id);
    known.seenOn = this.fileDate;
    this.stateEvent(known.id, row, false);
    return changed ? "updated" : "unchanged";
  }

  private insertProgetto(
    row: OfficialRow,
    key: string,
    avvisoId: number,
    kind: EnteKind,
    comuneId: number,
    enteId: number,
    official: OfficialValues,
  ): number {
    const id = Number(
      this.sql.insertProgetto.run(
        comuneId,
        enteId,
        avvisoId,
        row.misura,
        `${misuraByCode(row.misura)?.title ?? `Misura ${row.misura}`} - ${row.ente}`,
        row.cup,
        row.cup,
        key,
        row.window,
        this.fileDate,
        BENEFICIARY[kind],
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

  private remember(c: KnownComune): void {
    this.comuniById.set(c.id, c);
    if (c.ipa) this.comuniByIpa.set(c.ipa, c);
    if (c.catastale) this.comuniByCatastale.set(c.catastale, c);
    if (c.istat) pushTo(this.comuniByIstat, c.istat, c);
    pushTo(this.comuniByName, nameKey(c.name), c);
  }

  /** The comune a row is about (a comune's own row) or where its ente sits (any other). */
  private comune(row: OfficialRow, kind: EnteKind): number {
    if (kind !== "comune") return this.placeOf(row).id;
    const catastale = catastaleOf(row.codiceIpa);
    let found = this.comuniByIpa.get(row.codiceIpa);
    if (!found && catastale) {
      const byCode = this.comuniByCatastale.get(catastale);
      if (byCode && byCode.ipa === null) found = byCode;
    }
    // A comune created for a school or typed in by hand before its own row was seen: same
    // name, and same ISTAT code or region.
    found ??= this.comuniByName
      .get(nameKey(row.comune))
      ?.find(
        (c) =>
          c.ipa === null &&
          (c.catastale === null || c.catastale === catastale) &&
          (c.istat === row.codiceIstat || c.regione === (row.regione || null)),
      );
    if (!found) found = this.insertComune(row, row.codiceIpa, catastale);
    else if (found.ipa !== row.codiceIpa || (found.catastale === null && catastale)) {
      const taken = catastale !== null && this.comuniByCatastale.has(catastale);
      found.catastale ??= taken ? null : catastale;
      found.ipa = row.codiceIpa;
      this.sql.setComuneIdentity.run(found.ipa, found.catastale, this.now, found.id);
      this.comuniByIpa.set(found.ipa, found);
      if (found.catastale) this.comuniByCatastale.set(found.catastale, found);
    }
    this.comuneFacts(found, row);
    if (row.codiceIstat) this.seenCode(found.id, row.codiceIstat);
    return found.id;
  }

  /**
   * Where a non-comune ente sits: by current ISTAT code, then by an earlier one, then by
   * name within the region (homonymous comuni are in different regions).
   */
  private placeOf(row: OfficialRow): KnownComune {
    const name = nameKey(row.comune);
    // One candidate is the answer either way: no name to compare (the usual case).
    const pick = (candidates: readonly KnownComune[] | undefined) =>
      candidates === undefined || candidates.length < 2
        ? candidates?.[0]
        : (candidates.find((c) => nameKey(c.name) === name) ?? candidates[0]);
    const istat = row.codiceIstat;
    const former = () =>
      this.formerIstat
        .get(istat ?? "")
        ?.map((id) => this.comuniById.get(id))
        .filter((c): c is KnownComune => c !== undefined);
    const found =
      (istat ? (pick(this.comuniByIstat.get(istat)) ?? pick(former())) : undefined) ??
      this.comuniByName.get(name)?.find((c) => c.regione === (row.regione || null));
    return found ?? this.insertComune(row, null, null);
  }

  private insertComune(row: OfficialRow, ipa: string | null, catastale: string | null) {
    const c: KnownComune = {
      id: 0,
      ipa,
      catastale: catastale && !this.comuniByCatastale.has(catastale) ? catastale : null,
      istat: row.codiceIstat,
      name: own(row.comune || row.ente),
      provincia: own(row.provincia || null),
      codProvincia: row.codProvincia,
      regione: own(row.regione || null),
      codRegione: row.codRegione,
      suppressed: row.codiceIstat === null,
      seenOn: this.fileDate,
    };
    c.id = Number(
      this.sql.insertComune.run(
        c.name,
        c.istat,
        c.catastale,
        c.ipa,
        c.provincia,
        c.codProvincia,
        c.regione,
        c.codRegione,
        c.suppressed ? 1 : 0,
        c.seenOn,
        this.now,
        this.now,
      ).lastInsertRowid,
    );
    this.remember(c);
    return c;
  }

  /** Name, codes and place of a comune as its own row says, unless a newer file said them. */
  private comuneFacts(c: KnownComune, row: OfficialRow): void {
    if (this.fileDate < c.seenOn) return;
    const next = {
      name: row.comune || c.name,
      istat: row.codiceIstat,
      provincia: row.provincia || null,
      codProvincia: row.codProvincia,
      regione: row.regione || null,
      codRegione: row.codRegione,
      suppressed: row.codiceIstat === null,
    };
    // Field by field, not over Object.keys: this runs for every row of a comune.
    const changed =
      next.name !== c.name ||
      next.istat !== c.istat ||
      next.provincia !== c.provincia ||
      next.codProvincia !== c.codProvincia ||
      next.regione !== c.regione ||
      next.codRegione !== c.codRegione ||
      next.suppressed !== c.suppressed;
    if (!changed && c.seenOn === this.fileDate) return;
    if (changed) {
      this.changedEnti += 1;
      if (c.istat !== next.istat) {
        if (c.istat) removeFrom(this.comuniByIstat, c.istat, c);
        if (next.istat) pushTo(this.comuniByIstat, next.istat, c);
      }
      if (c.name !== next.name) {
        removeFrom(this.comuniByName, nameKey(c.name), c);
        pushTo(this.comuniByName, nameKey(next.name), c);
      }
      Object.assign(c, next, {
        name: own(next.name),
        provincia: own(next.provincia),
        regione: own(next.regione),
      });
    }
    c.seenOn = this.fileDate;
    this.sql.setComuneFacts.run(
      c.name,
      c.istat,
      c.provincia,
      c.codProvincia,
      c.regione,
      c.codRegione,
      c.suppressed ? 1 : 0,
      c.seenOn,
      this.now,
      c.id,
    );
  }

  /** The history of codes: every file adds the code it showed, older files too. */
  private seenCode(comuneId: number, istat: string): void {
    const key = `${comuneId}|${istat}`;
    const known = this.history.get(key);
    if (!known) {
      this.history.set(key, { first: this.fileDate, last: this.fileDate });
      this.sql.insertHistory.run(comuneId, istat, this.fileDate, this.fileDate);
      pushTo(this.formerIstat, istat, comuneId);
      return;
    }
    if (this.fileDate >= known.first && this.fileDate <= known.last) return;
    if (this.fileDate < known.first) known.first = this.fileDate;
    else known.last = this.fileDate;
    this.sql.updateHistory.run(known.first, known.last, comuneId, istat);
  }

  private ente(row: OfficialRow, kind: EnteKind, comuneId: number): number {
    const known = this.enti.get(row.codiceIpa);
    if (!known) {
      const id = Number(
        this.sql.insertEnte.run(
          row.codiceIpa,
          row.ente,
          row.tipologiaEnte,
          kind,
          comuneId,
          this.fileDate,
          this.now,
          this.now,
        ).lastInsertRowid,
      );
      this.enti.set(row.codiceIpa, {
        id,
        name: own(row.ente),
        tipologia: own(row.tipologiaEnte),
        comuneId,
        seenOn: this.fileDate,
      });
      return id;
    }
    if (this.fileDate < known.seenOn) return known.id;
    const changed =
      known.name !== row.ente ||
      known.tipologia !== row.tipologiaEnte ||
      known.comuneId !== comuneId;
    if (changed || known.seenOn !== this.fileDate) {
      if (changed) this.changedEnti += 1;
      Object.assign(known, {
        name: own(row.ente),
        tipologia: own(row.tipologiaEnte),
        comuneId,
        seenOn: this.fileDate,
      });
      this.sql.updateEnte.run(
        row.ente,
        row.tipologiaEnte,
        kind,
        comuneId,
        this.fileDate,
        this.now,
        known.id,
      );
    }
    return known.id;
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
    this.avvisi.set(own(row.avviso), id);
    return id;
  }

  /** E and R become the erogazione or rinuncia event on the timeline, once. */
  private stateEvent(progettoId: number, row: OfficialRow, created: boolean): void {
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
      // A progetto this import created gets no second row: nothing to remember.
      if (!created) this.events.set(key, { id, occurredOn: row.stateOn, amountCents });
    } else if (known.occurredOn !== row.stateOn || known.amountCents !== amountCents) {
      this.sql.updateEvento.run(row.stateOn, amountCents, this.now, known.id);
      known.occurredOn = row.stateOn;
      known.amountCents = amountCents;
    }
  }
}
