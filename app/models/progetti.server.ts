import { asc, eq, type SQL } from "drizzle-orm";
import type { Db } from "../../db/connection";
import {
  comune,
  decreto,
  determina,
  evento,
  istanzaModifica,
  istanzaServizio,
  progetto,
  progettoServizio,
} from "../../db/schema";
import type { IsoDate } from "../domain/dates";
import {
  assessProgetto,
  type IstanzaFacts,
  type ProgettoAssessment,
  type ProgettoFacts,
} from "../domain/progetto";

export interface ProgettoSummary {
  id: number;
  comuneId: number;
  comune: string;
  comuneFictional: boolean;
  misura: string;
  cup: string | null;
  amountCents: number | null;
  assessment: ProgettoAssessment;
}

/** Every progetto with its derived state, in a fixed number of queries whatever the count. */
export function listProgettoSummaries(
  db: Db,
  today: IsoDate,
  atRiskDays: number,
  comuniFilter?: SQL,
): ProgettoSummary[] {
  const rows = db
    .select({
      id: progetto.id,
      comuneId: comune.id,
      comune: comune.name,
      comuneFictional: comune.fictional,
      population: comune.population,
      misura: progetto.misura,
      cup: progetto.cup,
      amountCents: progetto.amountRequestedCents,
      band: progetto.band,
      officialState: progetto.officialState,
      officialStateOn: progetto.officialStateOn,
      decretoAmountCents: decreto.amountCents,
      notifiedOn: decreto.notifiedOn,
      hasDecreto: decreto.id,
    })
    .from(progetto)
    .innerJoin(comune, eq(comune.id, progetto.comuneId))
    .leftJoin(decreto, eq(decreto.progettoId, progetto.id))
    .where(comuniFilter)
    .orderBy(asc(comune.name), asc(progetto.id))
    .all();

  const servicesBy = groupBy(db.select().from(progettoServizio).all(), (r) => r.progettoId);
  const determineBy = groupBy(db.select().from(determina).all(), (r) => r.progettoId);
  const eventiBy = groupBy(db.select().from(evento).all(), (r) => r.progettoId);
  const changesBy = groupBy(db.select().from(istanzaServizio).all(), (r) => r.istanzaId);
  const istanzeBy = groupBy(db.select().from(istanzaModifica).all(), (r) => r.progettoId);

  return rows.map((r) => {
    const facts: ProgettoFacts = {
      band: r.band,
      population: r.population,
      candidaturaServices: (servicesBy.get(r.id) ?? []).map((s) => s.servizioId),
      decreto: r.hasDecreto === null ? null : { notifiedOn: r.notifiedOn },
      determine: determineBy.get(r.id) ?? [],
      istanze: (istanzeBy.get(r.id) ?? []).map((i): IstanzaFacts => {
        const changes = changesBy.get(i.id) ?? [];
        return {
          ...i,
          removed: changes.filter((c) => c.change === "removed").map((c) => c.servizioId),
          added: changes.filter((c) => c.change === "added").map((c) => c.servizioId),
        };
      }),
      eventi: eventiBy.get(r.id) ?? [],
      officialState: r.officialState,
      officialStateOn: r.officialStateOn,
    };
    return {
      id: r.id,
      comuneId: r.comuneId,
      comune: r.comune,
      comuneFictional: r.comuneFictional,
      misura: r.misura,
      cup: r.cup,
      amountCents: r.decretoAmountCents ?? r.amountCents,
      assessment: assessProgetto(facts, today, atRiskDays),
    };
  });
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
