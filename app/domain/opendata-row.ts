/**
 * One row of the official PA digitale 2026 open data ("candidature finanziate"), read into
 * typed values, or the list of what is wrong with it (column and reason, in Italian).
 */
import { decomposeAmount } from "./bands";
import { type IsoDate, isIsoDate } from "./dates";
import { isValidCup } from "./identifiers";
import { misuraCodeOf } from "./measures";

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

export interface OfficialRow {
  codiceIpa: string;
  ente: string;
  tipologiaEnte: string;
  comune: string;
  codiceIstat: string;
  provincia: string;
  regione: string;
  amountCents: number;
  avviso: string;
  misura: string;
  candidaturaSentOn: IsoDate | null;
  decreeOn: IsoDate | null;
  cup: string | null;
  decretoNumber: string | null;
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

// Built once: creating a formatter per value costs more than the whole rest of a row.
const ITALIAN_DAY = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Rome" });

/** "2022-09-24T05:27:07.000+0000" → the calendar day in Italy. */
function italianDay(value: string): IsoDate | null {
  if (isIsoDate(value)) return value;
  const normalized = value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2");
  const time = Date.parse(normalized);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(time)) return null;
  return ITALIAN_DAY.format(new Date(time));
}

/** "155234.0" (or "155234,00" from an Excel export) → cents. */
function amount(value: string): number | null {
  const text = value.trim().replace(/^(\d+),(\d{1,2})$/, "$1.$2");
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const cents = Math.round(Number(text) * 100);
  return Number.isSafeInteger(cents) ? cents : null;
}

export function readOfficialRow(
  raw: Readonly<Record<string, string | undefined>>,
): { row: OfficialRow } | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const text = (column: string) => (raw[column] ?? "").trim();
  const required = (column: string) => {
    const value = text(column);
    if (value === "") problems.push({ column, reason: "valore mancante" });
    return value;
  };
  const date = (column: string, optional: boolean) => {
    const value = text(column);
    if (value === "") {
      if (!optional) problems.push({ column, reason: "data mancante" });
      return null;
    }
    const day = italianDay(value);
    if (day === null) problems.push({ column, reason: `data non valida: «${value}»` });
    return day;
  };

  const codiceIpa = required("codice_ipa");
  const ente = required("ente");
  const tipologiaEnte = required("tipologia_ente");
  const codiceIstat = required("cod_comune");
  if (codiceIstat && !/^\d{6}$/.test(codiceIstat))
    problems.push({ column: "cod_comune", reason: `codice ISTAT non valido: «${codiceIstat}»` });
  const amountCents = amount(text("importo_finanziamento"));
  if (amountCents === null) {
    problems.push({
      column: "importo_finanziamento",
      reason: `importo non numerico: «${text("importo_finanziamento")}»`,
    });
  }
  const avviso = required("avviso");
  const misura = misuraCodeOf(text("misura")) ?? misuraCodeOf(avviso);
  if (!misura)
    problems.push({ column: "misura", reason: `misura non riconosciuta: «${text("misura")}»` });
  const cup = text("codice_cup").toUpperCase() || null;
  if (cup !== null && !isValidCup(cup))
    problems.push({ column: "codice_cup", reason: `CUP non valido: «${cup}»` });
  const state = text("stato_candidatura");
  if (state !== "A" && state !== "R" && state !== "E") {
    problems.push({
      column: "stato_candidatura",
      reason: `stato sconosciuto: «${state}» (attesi A, R o E)`,
    });
  }
  const candidaturaSentOn = date("data_invio_candidatura", true);
  const decreeOn = date("data_finanziamento", true);
  const stateOn = date("data_stato_candidatura", true);
  if (problems.length > 0 || amountCents === null || !misura) return { problems };

  const decretoNumber =
    /Decreto n\.?\s*(.+?)(?:\s*-\s*PNRR)?$/.exec(text("decreto_finanziamento"))?.[1]?.trim() ??
    null;
  const split =
    misura === "1.4.1" && tipologiaEnte === "Comuni" ? decomposeAmount(amountCents) : null;
  return {
    row: {
      codiceIpa,
      ente,
      tipologiaEnte,
      comune: text("comune"),
      codiceIstat,
      provincia: text("provincia"),
      regione: text("regione"),
      amountCents,
      avviso,
      misura,
      candidaturaSentOn,
      decreeOn,
      cup,
      decretoNumber,
      state: state as "A" | "R" | "E",
      stateOn,
      band: split?.kind === "exact" ? split.band.id : null,
      servicesCount: split?.kind === "exact" ? split.services : null,
    },
  };
}
