/**
 * The national overview over every imported progetto. Totals, areas, bands and months come
 * from the overview_* sums (a few thousand rows); the list of comuni, shown inside one
 * region or province, is grouped live from that area's progetti.
 */
import { canRead, type SessionUser } from "~/auth/access";
import {
  type BandServicesGroup,
  bandServicesMatrix,
  type MonthGroup,
  type OfficialState,
  paidShare,
  paymentsByMonth,
  type StateGroup,
  tallyByKey,
} from "~/features/national-overview/national-overview";
import type { Db } from "../../../db/connection";
import { MISURE } from "../../domain/measures";
import { ensureOverviewSummary } from "../../opendata/overview-summary.server";

/** Whose progetti the overview counts: the comuni's own (default) or every ente's. */
export const ENTI_FILTERS = ["comuni", "tutti"] as const;
export type EntiFilter = (typeof ENTI_FILTERS)[number];

export interface OverviewFilter {
  regione: string | null;
  provincia: string | null;
  misura: string | null;
  enti: EntiFilter;
  page: number;
}

export const COMUNI_PER_PAGE = 50;

interface PlaceRow {
  regione: string;
  provincia: string;
}

/** Reads the filter from the query string, keeping only values that exist. */
export function readOverviewFilter(
  params: URLSearchParams,
  places: readonly PlaceRow[],
): OverviewFilter {
  const regione = params.get("regione");
  const validRegione = regione && places.some((p) => p.regione === regione) ? regione : null;
  const provincia = params.get("provincia");
  const validProvincia =
    provincia &&
    places.some((p) => p.provincia === provincia && (!validRegione || p.regione === validRegione))
      ? provincia
      : null;
  const misura = params.get("misura");
  const page = Number(params.get("pagina") ?? "1");
  const enti = ENTI_FILTERS.find((e) => e === params.get("enti")) ?? "comuni";
  return {
    regione: validRegione,
    provincia: validProvincia,
    misura: misura && MISURE.some((m) => m.code === misura) ? misura : null,
    enti,
    page: Number.isSafeInteger(page) && page >= 1 ? page : 1,
  };
}

/** "where …" over the sums' columns, and its arguments. */
function placeWhere(filter: OverviewFilter, withMisura: boolean, prefix = "") {
  const conditions = ["1 = 1"];
  const args: string[] = [];
  if (filter.regione) {
    conditions.push(`${prefix}regione = ?`);
    args.push(filter.regione);
  }
  if (filter.provincia) {
    conditions.push(`${prefix}provincia = ?`);
    args.push(filter.provincia);
  }
  if (withMisura && filter.misura) {
    conditions.push(`${prefix === "c." ? "p." : prefix}misura = ?`);
    args.push(filter.misura);
  }
  if (withMisura && filter.enti === "comuni")
    conditions.push(`${prefix === "c." ? "p." : prefix}beneficiary_kind = 'comune'`);
  return { where: `where ${conditions.join(" and ")}`, args };
}

const byName = new Intl.Collator("it");

export function loadNationalOverview(db: Db, user: SessionUser, params: URLSearchParams) {
  const sqlite = db.$client;
  ensureOverviewSummary(sqlite);
  const places = sqlite
    .prepare(
      `select distinct coalesce(regione, '') regione, coalesce(provincia, '') provincia
       from overview_area order by 1, 2`,
    )
    .all() as PlaceRow[];
  const filter = readOverviewFilter(params, places);
  const areaColumn = filter.regione ? "provincia" : "regione";

  const area = placeWhere(filter, true);
  const areaGroups = sqlite
    .prepare(
      `select coalesce(${areaColumn}, 'Non indicata') key, state, sum(count) count,
              sum(amount_cents) amountCents
       from overview_area ${area.where} group by 1, 2`,
    )
    .all(...area.args) as StateGroup<string>[];
  const { totals, byKey } = tallyByKey(areaGroups);

  const bandOnly = placeWhere(filter, false);
  const bandGroups =
    filter.misura && filter.misura !== "1.4.1"
      ? []
      : (sqlite
          .prepare(
            `select band, services, sum(count) count from overview_band ${bandOnly.where}
             group by band, services`,
          )
          .all(...bandOnly.args) as BandServicesGroup[]);
  const monthGroups = sqlite
    .prepare(
      `select month, sum(count) count, sum(amount_cents) amountCents from overview_month
       ${area.where} group by month`,
    )
    .all(...area.args) as MonthGroup[];

  return {
    filter,
    options: {
      regioni: [...new Set(places.map((p) => p.regione).filter(Boolean))],
      province: [
        ...new Set(
          places
            .filter((p) => !filter.regione || p.regione === filter.regione)
            .map((p) => p.provincia)
            .filter(Boolean),
        ),
      ].sort(),
      misure: MISURE.map((m) => ({ value: m.code, label: `${m.code} ${m.title}` })),
    },
    totals,
    paid: paidShare(totals),
    areaKind: areaColumn,
    areas: byKey.sort((a, b) => byName.compare(a.key, b.key)),
    comuni: filter.regione || filter.provincia ? comuniOf(db, user, filter) : null,
    bands: bandServicesMatrix(bandGroups),
    payments: paymentsByMonth(monthGroups),
  };
}

/**
 * The comuni of the chosen region or province, largest amount first, one page. A comune's
 * totals are its own progetti: a Regione, an ASL or a school sitting in it is not counted.
 */
function comuniOf(db: Db, user: SessionUser, filter: OverviewFilter) {
  const { where, args } = placeWhere({ ...filter, enti: "comuni" }, true, "c.");
  // comune first (cross join keeps that order), then its progetti from the covering index.
  const groups = db.$client
    .prepare(
      `select p.comune_id key, p.official_state state, count(*) count,
              coalesce(sum(p.official_amount_cents), 0) amountCents
       from comune c cross join progetto p on p.comune_id = c.id
       ${where} and p.official_state in ('A', 'E', 'R')
       group by p.comune_id, p.official_state`,
    )
    .all(...args) as StateGroup<number>[];
  const { byKey } = tallyByKey(groups);
  const sorted = byKey.sort((a, b) => b.totals.total.amountCents - a.totals.total.amountCents);
  const pages = Math.max(1, Math.ceil(sorted.length / COMUNI_PER_PAGE));
  const page = Math.min(filter.page, pages);
  const shown = sorted.slice((page - 1) * COMUNI_PER_PAGE, page * COMUNI_PER_PAGE);
  const ids = shown.map((c) => c.key);
  const names = new Map(
    (
      db.$client
        .prepare(
          `select id, name, provincia, codice_istat istat, unione_id unioneId from comune
           where id in (select value from json_each(?))`,
        )
        .all(JSON.stringify(ids)) as {
        id: number;
        name: string;
        provincia: string | null;
        istat: string;
        unioneId: number | null;
      }[]
    ).map((c) => [c.id, c]),
  );
  return {
    count: sorted.length,
    page,
    pages,
    rows: shown.map(({ key, totals }) => {
      const place = names.get(key);
      return {
        id: key,
        name: place?.name ?? `Comune ${key}`,
        provincia: place?.provincia ?? null,
        istat: place?.istat ?? null,
        totals,
        readable: canRead(user, { comuneId: key, unioneId: place?.unioneId ?? null }),
      };
    }),
  };
}

export type NationalOverview = ReturnType<typeof loadNationalOverview>;
export type { OfficialState };
