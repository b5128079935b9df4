/**
 * Who a row of the official open data is about, and which progetto it is: pure rules,
 * shared by the import and its tests.
 */
import type { OfficialRow } from "./opendata-row";

export type EnteKind = "comune" | "regione" | "provincia" | "asl" | "scuola" | "altro";

/**
 * tipologia_ente as published ("Comuni", "Scuole", "Regioni", "Enti Regionali", "Province",
 * "Citta Metropolitane", "ASL", "Aziende Ospedaliere", "Altri enti", ...) → kind. Only
 * "Comuni" is a comune: an Unione di Comuni is another ente.
 */
export function enteKindOf(tipologia: string): EnteKind {
  const t = tipologia.trim().toLowerCase();
  if (t === "comuni" || t === "comune") return "comune";
  if (t.includes("scuol")) return "scuola";
  if (t.includes("region")) return "regione";
  if (t.includes("provinc") || /citt[aà] metropolitan/.test(t)) return "provincia";
  if (/\basl\b/.test(t) || t.includes("sanitari") || t.includes("ospedalier")) return "asl";
  return "altro";
}

/** A comune's IPA code is c_ + its codice catastale: "c_i225" → "I225". */
export function catastaleOf(codiceIpa: string): string | null {
  const m = /^c_([a-z]\d{3})$/.exec(codiceIpa);
  return m?.[1] ? m[1].toUpperCase() : null;
}

/**
 * The official identity of a progetto: CUP (or, without one, the ente's IPA code), avviso and
 * window. A CUP renounced and applied again comes back in a later window: another progetto.
 * The avviso by its id, not its title: the key is indexed, and a short one is cheaper.
 */
export function officialKeyOf(
  row: Pick<OfficialRow, "cup" | "codiceIpa" | "window">,
  avvisoId: number,
): string {
  return `${row.cup ?? `ipa:${row.codiceIpa}`}|${avvisoId}|${row.window}`;
}

/** The key before windows were kept, to adopt progetti imported or typed in before them. */
export function legacyKeyOf(row: Pick<OfficialRow, "cup" | "codiceIpa" | "avviso">): string {
  return `${row.cup ? `cup:${row.cup}` : `ipa:${row.codiceIpa}`}|${row.avviso}`;
}

/**
 * The date of an official file: the latest data_stato_candidatura in it (the day of its
 * newest decree, renunciation or payment). An older file never overwrites what a newer one
 * set; files of the same date apply in the order imported.
 */
export function latestDay(current: string | null, value: string | undefined): string | null {
  if (!value) return current;
  const day = value.trim().slice(0, 10);
  // Compared first: the pattern is checked only for the few days that would win.
  if (current !== null && day <= current) return current;
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : current;
}
