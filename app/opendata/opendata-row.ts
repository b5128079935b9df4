/**
 * One row of the official PA digitale 2026 open data ("candidature finanziate"), read into
 * typed values, or the list of what is wrong with it (column and reason, in Italian).
 */
import { decomposeAmount } from "../domain/bands";
import { type IsoDate, isIsoDate, italianDayOf } from "../domain/dates";
import { isValidCup, normalizeCup, normalizeIpa, normalizeIstat } from "../domain/identifiers";
import { misuraCodeOf } from "../domain/measures";

export const OFFICIAL_COLUMNS = [
  "codice_ipa",
  "ente",
  "tipologia_ente",
  "comune",
  "cod_comune",
  "provincia",
  "cod_provincia",
  "regione",
  "cod_regione",
  "importo_finanziamento",
  "avviso",
  "data_invio_candidatura",
  "data_finanziamento",
  "codice_cup",
  "numero_finestra_temporale",
  "numero_di_protocollo",
  "decreto_finanziamento",
  "stato_candidatura",
  "data_stato_candidatura",
  "misura",
] as const;

/**
 * Without these a row cannot be identified or valued: a file lacking one is refused. The
 * others may be missing (earlier files had no ente, decree or state date): they read as empty.
 */
export const REQUIRED_COLUMNS = [
  "codice_ipa",
  "tipologia_ente",
  "comune",
  "cod_comune",
  "importo_finanziamento",
  "avviso",
  "codice_cup",
  "stato_candidatura",
  "misura",
] as const satisfies readonly (typeof OFFICIAL_COLUMNS)[number][];

export interface OfficialRow {
  /** Lower case and trimmed: files publish the same code in mixed case. */
  codiceIpa: string;
  ente: string;
  /** As published; the older "Comune" reads as today's "Comuni". */
  tipologiaEnte: string;
  comune: string;
  /** Null where the file says N/D (a comune suppressed or merged after it applied). */
  codiceIstat: string | null;
  provincia: string;
  codProvincia: string | null;
  regione: string;
  codRegione: string | null;
  amountCents: number;
  avviso: string;
  misura: string;
  candidaturaSentOn: IsoDate | null;
  decreeOn: IsoDate | null;
  cup: string | null;
  decretoNumber: string | null;
  /** numero_finestra_temporale; 1 when the file leaves it empty. */
  window: number;
  protocol: string | null;
  state: "A" | "R" | "E";
  stateOn: IsoDate | null;
  /** For 1.4.1 rows of comuni: the band and services the amount implies, when it decomposes. */
  band: number | null;
  servicesCount: number | null;
}

export interface RowProblem {
  column: string;
  reason: string;
}

const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;

// Files repeat the same timestamps (decree and state dates) thousands of times.
const dayCache = new Map<string, IsoDate | null>();

/** "2022-09-24T05:27:07.000+0000" → the calendar day in Italy. */
function italianDay(value: string): IsoDate | null {
  if (isIsoDate(value)) return value;
  let day = dayCache.get(value);
  if (day === undefined) {
    if (dayCache.size > 20_000) dayCache.clear();
    day = timestampDay(value);
    dayCache.set(value, day);
  }
  return day;
}

function timestampDay(value: string): IsoDate | null {
  const m = TIMESTAMP.exec(value);
  if (!m || !isIsoDate(`${m[1]}-${m[2]}-${m[3]}`)) return null;
  const [hours, minutes, seconds] = [Number(m[4]), Number(m[5]), Number(m[6])];
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  const zone = m[7] ?? "Z";
  const offsetMinutes =
    zone === "Z"
      ? 0
      : (zone[0] === "-" ? -1 : 1) *
        (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(zone.length - 2)));
  const utc =
    Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), hours, minutes, seconds) -
    offsetMinutes * 60_000;
  return italianDayOf(utc);
}

/** "155234.0" (or "155234,00" from an Excel export) → cents. */
export function parseOfficialAmount(value: string): number | null {
  // A scan rather than regular expressions: it runs once per row of a national file.
  let units = 0;
  let cents = 0;
  let decimals = -1;
  let comma = false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      if (decimals < 0) units = units * 10 + (code - 48);
      else {
        if (decimals < 2) cents = cents * 10 + (code - 48);
        else if (decimals === 2 && code >= 53) cents += 1; // round half up on the third decimal
        decimals += 1;
      }
    } else if ((code === 46 || code === 44) && decimals < 0 && i > 0) {
      decimals = 0;
      comma = code === 44;
    } else return null;
  }
  // A decimal comma comes from Excel with one or two decimals; "1,234" is ambiguous.
  if (value.length === 0 || decimals === 0 || (comma && decimals > 2)) return null;
  if (decimals === 1) cents *= 10;
  const total = units * 100 + cents;
  return Number.isSafeInteger(total) ? total : null;
}

/** A row's values by column name: a Map, or the CSV reader's record. */
export interface RowSource {
  get(column: string): string | undefined;
}

/** Collects the problems of one row; methods, not closures, since it runs once per row. */
class RowChecker {
  readonly problems: RowProblem[] = [];
  constructor(private readonly raw: RowSource) {}

  text(column: string): string {
    return (this.raw.get(column) ?? "").trim();
  }

  required(column: string): string {
    const value = this.text(column);
    if (value === "") this.problems.push({ column, reason: "valore mancante" });
    return value;
  }

  optionalDate(column: string): IsoDate | null {
    const value = this.text(column);
    if (value === "") return null;
    const day = italianDay(value);
    if (day === null) this.problems.push({ column, reason: `data non valida: «${value}»` });
    return day;
  }
}

/**
 * "051026" → itself; "51026" (leading zero lost in a spreadsheet) → "051026"; "N/D" or
 * empty → null (suppressed or merged comune); anything else → undefined (a problem).
 */
export function readOfficialRow(raw: RowSource): { row: OfficialRow } | { problems: RowProblem[] } {
  const check = new RowChecker(raw);
  const { problems } = check;
  const codiceIpa = normalizeIpa(check.required("codice_ipa"));
  // Earlier files had no "ente" column: the comune's name stands in.
  const ente =
    raw.get("ente") === undefined ? check.text("comune") || codiceIpa : check.required("ente");
  const published = check.required("tipologia_ente");
  const tipologiaEnte = published === "Comune" ? "Comuni" : published;
  const codiceIstat = normalizeIstat(check.text("cod_comune"));
  if (codiceIstat === undefined)
    problems.push({
      column: "cod_comune",
      reason: `codice ISTAT non valido: «${check.text("cod_comune")}»`,
    });
  // Some files write whole numbers as "1.0".
  const windowText = check.text("numero_finestra_temporale");
  const window = windowText === "" ? 1 : /^\d+(\.0+)?$/.test(windowText) ? Number(windowText) : 0;
  if (!Number.isSafeInteger(window) || window < 1)
    problems.push({
      column: "numero_finestra_temporale",
      reason: `finestra temporale non valida: «${windowText}»`,
    });
  const amountCents = parseOfficialAmount(check.text("importo_finanziamento"));
  if (amountCents === null) {
    problems.push({
      column: "importo_finanziamento",
      reason: `importo non numerico: «${check.text("importo_finanziamento")}»`,
    });
  }
  const avviso = check.required("avviso");
  const misura = misuraCodeOf(check.text("misura")) ?? misuraCodeOf(avviso);
  if (!misura)
    problems.push({
      column: "misura",
      reason: `misura non riconosciuta: «${check.text("misura")}»`,
    });
  const cup = normalizeCup(check.text("codice_cup")) || null;
  if (cup !== null && !isValidCup(cup))
    problems.push({ column: "codice_cup", reason: `CUP non valido: «${cup}»` });
  const state = check.text("stato_candidatura");
  if (state !== "A" && state !== "R" && state !== "E") {
    problems.push({
      column: "stato_candidatura",
      reason: `stato sconosciuto: «${state}» (attesi A, R o E)`,
    });
  }
  const candidaturaSentOn = check.optionalDate("data_invio_candidatura");
  const decreeOn = check.optionalDate("data_finanziamento");
  const stateOn = check.optionalDate("data_stato_candidatura");
  if (problems.length > 0 || amountCents === null || !misura || codiceIstat === undefined)
    return { problems };

  const decretoNumber =
    /Decreto n\.?\s*(.+?)(?:\s*-\s*PNRR)?$/
      .exec(check.text("decreto_finanziamento"))?.[1]
      ?.trim() ?? null;
  const split =
    misura === "1.4.1" && tipologiaEnte === "Comuni" ? decomposeAmount(amountCents) : null;
  return {
    row: {
      codiceIpa,
      ente,
      tipologiaEnte,
      comune: check.text("comune"),
      codiceIstat,
      provincia: check.text("provincia"),
      codProvincia: check.text("cod_provincia") || null,
      regione: check.text("regione"),
      codRegione: check.text("cod_regione") || null,
      amountCents,
      avviso,
      misura,
      candidaturaSentOn,
      decreeOn,
      cup,
      decretoNumber,
      window,
      protocol: check.text("numero_di_protocollo").replace(/^(\d+)\.0+$/, "$1") || null,
      state: state as "A" | "R" | "E",
      stateOn,
      band: split?.kind === "exact" ? split.band.id : null,
      servicesCount: split?.kind === "exact" ? split.services : null,
    },
  };
}
