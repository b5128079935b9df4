import { sql } from "drizzle-orm";
import { RULES_141_DEADLINES, ruleColumnsOf } from "../app/domain/avviso-rules";
import { RULES } from "../app/domain/measures";
import { SERVIZI } from "../app/domain/services";
import type { Db } from "./connection";
import { avviso, servizio } from "./schema";

/** The two 1.4.1 avvisi for Comuni, whose lump sums and deadlines the rules engine knows. */
export const AVVISI_141_COMUNI = [
  {
    title: "1.4.1 Esperienza del Cittadino - Comuni - Aprile 2022",
    windowLabel: "Aprile 2022",
    opensOn: "2022-04-26",
    closesOn: "2022-09-02",
  },
  {
    title: "1.4.1 Esperienza del Cittadino - Comuni - Settembre 2022",
    windowLabel: "Settembre 2022",
    opensOn: "2022-09-19",
    closesOn: "2022-11-04",
  },
] as const;

export const RULES_141_SOURCE =
  "Avviso Misura 1.4.1 Comuni: contrattualizzazione entro 180/270 giorni dalla notifica, completamento entro 270/360 giorni dal contratto";

/** Writes the reference data every installation needs; safe to run at every setup. */
export function syncReferenceData(db: Db): void {
  db.transaction((tx) => {
    for (const s of SERVIZI) {
      tx.insert(servizio)
        .values(s)
        .onConflictDoUpdate({
          target: servizio.id,
          set: { name: s.name, shortName: s.shortName, flowKind: s.flowKind },
        })
        .run();
    }
    for (const a of AVVISI_141_COMUNI) {
      tx.insert(avviso)
        .values({
          ...a,
          misura: "1.4.1",
          target: "Comuni",
          rules: RULES.comuni141,
          // Only when the avviso is new: an administrator may have edited them since.
          ...ruleColumnsOf(RULES_141_DEADLINES),
          rulesSource: RULES_141_SOURCE,
        })
        .onConflictDoUpdate({
          target: avviso.title,
          set: { rules: sql`excluded.rules`, windowLabel: sql`excluded.window_label` },
        })
        .run();
    }
  });
}
