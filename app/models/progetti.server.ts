import { asc, eq, inArray, type SQL } from "drizzle-orm";
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
  unione,
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
  unioneId: number | null;
  unione: string | null;
  misura: string;
  cup: string | null;
  amountCents: number | null;
  assessment: ProgettoAssessment;
}

type Determina = typeof determina.$inferSelect;
type Evento = typeof evento.$inferSelect;
export type IstanzaWithServices = typeof istanzaModifica.$inferSelect & {
  removed: number[];
  added: number[];
};

/** The steps of some progetti, each table read once, grouped by progetto. */
export interface Related {
  services: Map<number, number[]>;
  determine: Map<number, Determina[]>;
  eventi: Map<number, Evento[]>;
  istanze: Map<number, IstanzaWithServices[]>;
}

export function loadRelated(db: Pick<Db, "select">, progettoIds?: readonly number[]): Related {
  const filter = (column: Parameters<typeof inArray>[0]) =>
    progettoIds ? inArray(column, [...progettoIds]) : undefined;
  const istanze = db.select().from(istanzaModifica).where(filter(istanzaModifica.progettoId)).all();
  const changes = groupBy(
    istanze.length
      ? db
          .select()
          .from(istanzaServizio)
          .where(
            progettoIds
              ? inArray(
                  istanzaServizio.istanzaId,
                  istanze.map((i) => i.id),
                )
              : undefined,
          )
          .all()
      : [],
    (c) => c.istanzaId,
  );
  return {
    services: new Map(
      [
        ...groupBy(
          db.select().from(progettoServizio).where(filter(progettoServizio.progettoId)).all(),
          (r) => r.progettoId,
        ),
      ].map(([id, rows]) => [id, rows.map((r) => r.servizioId)]),
    ),
    determine: groupBy(
      db
        .select()
        .from(determina)
        .where(filter(determina.progettoId))
        .orderBy(asc(determina.adoptedOn))
        .all(),
      (r) => r.progettoId,
    ),
    eventi: groupBy(
      db
        .select()
        .from(evento)
        .where(filter(evento.progettoId))
        .orderBy(asc(evento.occurredOn))
        .all(),
      (r) => r.progettoId,
    ),
    istanze: groupBy(
      istanze
        .sort((a, b) => a.sentOn.localeCompare(b.sentOn))
        .map((i) => {
          const c = changes.get(i.id) ?? [];
          return {
            ...i,
            removed: c.filter((x) => x.change === "removed").map((x) => x.servizioId),
            added: c.filter((x) => x.change === "added").map((x) => x.servizioId),
          };
        }),
      (r) => r.progettoId,
    ),
  };
}

export interface ProgettoCore {
  id: number;
  band: number | null;
  population: number | null;
  notifiedOn: string | null;
  hasDecreto: number | null;
  officialState: "A" | "R" | "E" | null;
  officialStateOn: string | null;
}

export function factsOf(p: ProgettoCore, related: Related): ProgettoFacts {
  return {
    band: p.band,
    population: p.population,
    candidaturaServices: related.services.get(p.id) ?? [],
    decreto: p.hasDecreto === null ? null : { notifiedOn: p.notifiedOn },
    determine: related.determine.get(p.id) ?? [],
    istanze: (related.istanze.get(p.id) ?? []) satisfies IstanzaFacts[],
    eventi: related.eventi.get(p.id) ?? [],
    officialState: p.officialState,
    officialStateOn: p.officialStateOn,
  };
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
      unioneId: comune.unioneId,
      unione: unione.name,
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
    .leftJoin(unione, eq(unione.id, comune.unioneId))
    .leftJoin(decreto, eq(decreto.progettoId, progetto.id))
    .where(comuniFilter)
    .orderBy(asc(comune.name), asc(progetto.id))
    .all();
  const related = loadRelated(db);
  return rows.map((r) => ({
    id: r.id,
    comuneId: r.comuneId,
    comune: r.comune,
    comuneFictional: r.comuneFictional,
    unioneId: r.unioneId,
    unione: r.unione,
    misura: r.misura,
    cup: r.cup,
    amountCents: r.decretoAmountCents ?? r.amountCents,
    assessment: assessProgetto(factsOf(r, related), today, atRiskDays),
  }));
}

export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
