/**
 * Every avviso of PA digitale 2026, read from the shared open data (../shared, never copied
 * into the project), with the rules our sources give (decision 009): the 1.4.1 counting for
 * Comuni, and the last completion date Decreto DTD n. 39/2025 is reported to set for
 * lump-sum projects (to be verified; an administrator may change it). An avviso an
 * administrator has edited keeps its rules.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import {
  NO_COUNTED_DEADLINES,
  RULES_141_DEADLINES,
  ruleColumnsOf,
} from "../../app/domain/avviso-rules";
import { misuraCodeOf, RULES } from "../../app/domain/measures";
import { CsvTokenizer } from "../../app/opendata/csv-tokenizer";
import { bumpDataVersion } from "../../db/audit";
import type { Db } from "../../db/connection";
import { RULES_141_SOURCE } from "../../db/reference";
import { avviso } from "../../db/schema";

export const AVVISI_CSV = fileURLToPath(
  new URL("../../../shared/data/padigitale2026/avvisi.csv", import.meta.url),
);

/** Reported, not verified: see docs/decisions/009-avviso-rules-as-data.md. */
export const DTD_39_2025 = {
  finalDeadline: "2026-03-31",
  source:
    "Decreto DTD n. 39/2025 (riportato, da verificare): ultima data di completamento 31/03/2026 per i progetti a lump sum",
  /** Avvisi whose window closed before 2025: the projects the decree found under way. */
  closedBefore: "2025-01-01",
} as const;

export interface AvvisoSeed {
  title: string;
  misura: string;
  target: string | null;
  windowLabel: string | null;
  opensOn: string | null;
  closesOn: string | null;
}

/** The avvisi of the shared file; an empty list when the file is not there. */
export function readAvvisiCsv(file = AVVISI_CSV): AvvisoSeed[] {
  if (!existsSync(file)) return [];
  const tokenizer = new CsvTokenizer(",");
  const records = [
    ...tokenizer.push(readFileSync(file, "utf8").replace(/^\uFEFF/, "")),
    ...tokenizer.end(),
  ].map((r) => r.fields);
  const [header = [], ...rows] = records;
  const at = (row: string[], name: string) => row[header.indexOf(name)]?.trim() || null;
  return rows.flatMap((row) => {
    const title = at(row, "titolo");
    if (!title) return [];
    return [
      {
        title,
        misura: misuraCodeOf(at(row, "misura") ?? title) ?? at(row, "misura") ?? "",
        target: at(row, "soggetti_destinatari")?.replaceAll(";", ", ") ?? null,
        windowLabel: windowOf(title),
        opensOn: at(row, "data_inizio_bando"),
        closesOn: at(row, "data_fine_bando"),
      },
    ];
  });
}

/** "… - Comuni - Aprile 2022" → "Aprile 2022"; "… Comuni (maggio 2024)" → "maggio 2024". */
function windowOf(title: string): string | null {
  const inBrackets = /\(([^)]+)\)\s*$/.exec(title)?.[1];
  if (inBrackets) return inBrackets.trim();
  const parts = title.split(" - ").map((p) => p.trim());
  return parts.length >= 2 ? (parts[parts.length - 1] ?? null) : null;
}

/** The rules our sources give an avviso. */
export function seededRules(a: AvvisoSeed) {
  const is141Comuni = a.misura === "1.4.1" && a.target === "Comuni";
  const capped = a.closesOn !== null && a.closesOn < DTD_39_2025.closedBefore;
  const counting = is141Comuni ? RULES_141_DEADLINES : NO_COUNTED_DEADLINES;
  return {
    rules: is141Comuni ? RULES.comuni141 : null,
    ...ruleColumnsOf({
      ...counting,
      finalDeadline: capped ? DTD_39_2025.finalDeadline : null,
    }),
    rulesSource:
      [is141Comuni ? RULES_141_SOURCE : null, capped ? DTD_39_2025.source : null]
        .filter(Boolean)
        .join("; ") || null,
  };
}

/** Writes the avvisi of the shared file; safe to run at every setup. Returns how many. */
export function seedAvvisi(db: Db, file = AVVISI_CSV): number {
  const seeds = readAvvisiCsv(file);
  if (seeds.length === 0) return 0;
  db.transaction((tx) => {
    for (const a of seeds) {
      const rules = seededRules(a);
      tx.insert(avviso)
        .values({ ...a, ...rules })
        .onConflictDoUpdate({
          target: avviso.title,
          set: {
            opensOn: sql`coalesce(${avviso.opensOn}, excluded.opens_on)`,
            closesOn: sql`coalesce(${avviso.closesOn}, excluded.closes_on)`,
            windowLabel: sql`coalesce(${avviso.windowLabel}, excluded.window_label)`,
            // An avviso an administrator edited (updated_at set) keeps its rules.
            contractFrom: sql`iif(${avviso.updatedAt} is null, excluded.contract_from, ${avviso.contractFrom})`,
            contractDaysSmall: sql`iif(${avviso.updatedAt} is null, excluded.contract_days_small, ${avviso.contractDaysSmall})`,
            contractDaysLarge: sql`iif(${avviso.updatedAt} is null, excluded.contract_days_large, ${avviso.contractDaysLarge})`,
            completionFrom: sql`iif(${avviso.updatedAt} is null, excluded.completion_from, ${avviso.completionFrom})`,
            completionDaysSmall: sql`iif(${avviso.updatedAt} is null, excluded.completion_days_small, ${avviso.completionDaysSmall})`,
            completionDaysLarge: sql`iif(${avviso.updatedAt} is null, excluded.completion_days_large, ${avviso.completionDaysLarge})`,
            finalDeadline: sql`iif(${avviso.updatedAt} is null, excluded.final_deadline, ${avviso.finalDeadline})`,
            rulesSource: sql`iif(${avviso.updatedAt} is null, excluded.rules_source, ${avviso.rulesSource})`,
          },
        })
        .run();
    }
    // Pages show the avvisi and their deadlines: a write without an audit entry bumps too.
    bumpDataVersion(tx);
  });
  return seeds.length;
}
