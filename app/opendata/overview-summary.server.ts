/**
 * Rebuilds the national overview's sums (tables overview_*) from the imported progetti.
 * Run after each import, and by the overview itself when the sums are older than the last
 * import. SQLite groups rows in index order without sorting (progetto_comune_state_idx):
 * per-comune groups are read that way and added up per province here, which measured
 * several times faster than one GROUP BY region, province, measure with its sorter.
 */
import type Database from "better-sqlite3";

/** Only the import sets official_state, so it marks the imported progetti. */
const IMPORTED = "p.official_state in ('A', 'E', 'R')";

/** The id of the last import's audit entry: the sums are current when they carry it. */
function importVersion(sqlite: Database.Database): number | null {
  const row = sqlite
    .prepare("select max(id) version from audit_log where entity = 'import'")
    .get() as { version: number | null };
  return row.version;
}

type Place = [regione: string | null, provincia: string | null];

/** A comune's place and its part of a row's id, computed once per comune. */
interface PlaceKey {
  place: Place;
  id: string;
}

const NOWHERE: PlaceKey = { place: [null, null], id: "\u0000\u0001\u0000" };

/**
 * Sums of count and amount per place and further values, then written as rows. The id is
 * one string built without arrays, and the row's key array only for a new row: this runs
 * once per progetto or group.
 */
class Sums {
  private readonly rows = new Map<string, { key: unknown[]; count: number; amount: number }>();

  add(
    at: PlaceKey,
    values: [unknown, unknown] | [unknown, unknown, unknown],
    count: number,
    amount: number,
  ): void {
    const id =
      values.length === 2
        ? `${at.id}\u0001${values[0]}\u0001${values[1]}`
        : `${at.id}\u0001${values[0]}\u0001${values[1]}\u0001${values[2]}`;
    const row = this.rows.get(id);
    if (row) {
      row.count += count;
      row.amount += amount;
    } else this.rows.set(id, { key: [...at.place, ...values], count, amount });
  }

  write(statement: Database.Statement, withAmount: boolean): void {
    for (const { key, count, amount } of this.rows.values())
      statement.run(...key, count, ...(withAmount ? [amount] : []));
  }
}

export function rebuildOverviewSummary(sqlite: Database.Database, now = new Date()): void {
  const places = new Map<number, PlaceKey>();
  for (const [id, regione, provincia] of sqlite
    .prepare("select id, regione, provincia from comune")
    .raw(true)
    .iterate() as Iterable<[number, string | null, string | null]>)
    places.set(id, {
      place: [regione, provincia],
      id: `${regione ?? "\u0000"}\u0001${provincia ?? "\u0000"}`,
    });
  const placeOf = (comuneId: number): PlaceKey => places.get(comuneId) ?? NOWHERE;

  // By beneficiary kind too: the overview counts comuni alone unless asked for every ente.
  const areas = new Sums();
  for (const [comuneId, state, misura, kind, count, amount] of sqlite
    .prepare(
      `select p.comune_id, p.official_state, p.misura, p.beneficiary_kind, count(*),
              coalesce(sum(p.official_amount_cents), 0)
       from progetto p where ${IMPORTED}
       group by p.comune_id, p.official_state, p.misura, p.beneficiary_kind`,
    )
    .raw(true)
    .iterate() as Iterable<[number, string, string, string, number, number]>)
    areas.add(placeOf(comuneId), [misura, kind, state], count, amount);

  const months = new Sums();
  for (const [comuneId, misura, kind, month, amount] of sqlite
    .prepare(
      `select p.comune_id, p.misura, p.beneficiary_kind, substr(p.official_state_on, 1, 7),
              coalesce(p.official_amount_cents, 0)
       from progetto p where p.official_state = 'E' and p.official_state_on is not null`,
    )
    .raw(true)
    .iterate() as Iterable<[number, string, string, string, number]>)
    months.add(placeOf(comuneId), [misura, kind, month], 1, amount);

  const bands = new Sums();
  for (const [comuneId, band, services, count] of sqlite
    .prepare(
      `select p.comune_id, p.band, p.services_count, count(*) from progetto p
       where ${IMPORTED} and p.misura = '1.4.1' and p.beneficiary_kind = 'comune'
         and p.band is not null and p.services_count is not null
       group by p.comune_id, p.band, p.services_count`,
    )
    .raw(true)
    .iterate() as Iterable<[number, number, number, number]>)
    bands.add(placeOf(comuneId), [band, services], count, 0);

  sqlite.transaction(() => {
    sqlite.exec("delete from overview_area; delete from overview_band; delete from overview_month");
    areas.write(
      sqlite.prepare(
        `insert into overview_area (regione, provincia, misura, beneficiary_kind, state, count, amount_cents)
         values (?, ?, ?, ?, ?, ?, ?)`,
      ),
      true,
    );
    months.write(
      sqlite.prepare(
        `insert into overview_month (regione, provincia, misura, beneficiary_kind, month, count, amount_cents)
         values (?, ?, ?, ?, ?, ?, ?)`,
      ),
      true,
    );
    bands.write(
      sqlite.prepare(
        "insert into overview_band (regione, provincia, band, services, count) values (?, ?, ?, ?, ?)",
      ),
      false,
    );
    sqlite
      .prepare(
        `insert into overview_meta (id, import_version, built_at) values (1, ?, ?)
         on conflict (id) do update set import_version = excluded.import_version,
           built_at = excluded.built_at`,
      )
      .run(importVersion(sqlite), now.toISOString());
  })();
}

/** Rebuilds the sums if an import happened since they were built. */
export function ensureOverviewSummary(sqlite: Database.Database): void {
  const meta = sqlite
    .prepare("select import_version version from overview_meta where id = 1")
    .get() as { version: number | null } | undefined;
  if (!meta || meta.version !== importVersion(sqlite)) rebuildOverviewSummary(sqlite);
}
