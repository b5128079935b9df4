import { asc, eq, inArray, type SQL, type SQLWrapper } from "drizzle-orm";
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
import type { Policy } from "../domain/policy";
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
interface Related {
  services: Map<number, number[]>;
  determine: Map<number, Determina[]>;
  eventi: Map<number, Evento[]>;
  istanze: Map<number, IstanzaWithServices[]>;
}

/**
 * The steps of the progetti a scope selects, each table read once and grouped by progetto.
 * The scope is a subquery, not a list of ids, so its size never meets SQLite's limit on
 * bound parameters, and a scope of three progetti never reads the steps of all the others.
 */
export function loadRelated(db: Pick<Db, "select">, scope: SQL | undefined): Related {
  return relatedOf(
    db,
    scope &&
      db
        .select({ id: progetto.id })
        .from(progetto)
        .innerJoin(comune, eq(comune.id, progetto.comuneId))
        .where(scope),
  );
}

/** The steps of the progetti whose ids a subquery selects (all of them without one). */
function relatedOf(db: Pick<Db, "select">, ids: SQLWrapper | undefined): Related {
  const filter = (column: Parameters<typeof inArray>[0]) =>
    ids ? inArray(column, ids) : undefined;
  const istanze = db.select().from(istanzaModifica).where(filter(istanzaModifica.progettoId)).all();
  const changes = groupBy(
    istanze.length
      ? db
          .select({
            istanzaId: istanzaServizio.istanzaId,
            servizioId: istanzaServizio.servizioId,
            change: istanzaServizio.change,
          })
          .from(istanzaServizio)
          .innerJoin(istanzaModifica, eq(istanzaModifica.id, istanzaServizio.istanzaId))
          .where(filter(istanzaModifica.progettoId))
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

interface ProgettoCore {
  id: number;
  band: number | null;
  population: number | null;
  notifiedOn: string | null;
  hasDecreto: number | null;
  officialState: "A" | "R" | "E" | null;
  officialStateOn: string | null;
}

function factsOf(p: ProgettoCore, related: Related): ProgettoFacts {
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

type ProgettoRow = typeof progetto.$inferSelect;
type DecretoRow = typeof decreto.$inferSelect;

/** One progetto as every page reads it: its rows, its steps and its assessment. */
export interface AssessedProgetto {
  progetto: ProgettoRow;
  comune: {
    id: number;
    name: string;
    codiceIstat: string | null;
    provincia: string | null;
    population: number | null;
    fictional: boolean;
    unioneId: number | null;
  };
  unione: string | null;
  decreto: DecretoRow | null;
  candidaturaServices: number[];
  istanze: IstanzaWithServices[];
  determine: Determina[];
  eventi: Evento[];
  /** What was granted: the decreto's amount, else the official one, else the requested one. */
  amountCents: number | null;
  assessment: ProgettoAssessment;
}

/**
 * The read model: the progetti a scope selects (a condition on progetto and comune), with
 * their steps and their assessment under the request's policy, in a fixed number of
 * queries whatever their count. Every page that shows progetti starts here.
 */
export function loadAssessedProgetti(
  db: Db,
  policy: Policy,
  scope: SQL | undefined,
): AssessedProgetto[] {
  const rows = db
    .select({
      progetto,
      comune: {
        id: comune.id,
        name: comune.name,
        codiceIstat: comune.codiceIstat,
        provincia: comune.provincia,
        population: comune.population,
        fictional: comune.fictional,
        unioneId: comune.unioneId,
      },
      unione: unione.name,
      decreto,
    })
    .from(progetto)
    .innerJoin(comune, eq(comune.id, progetto.comuneId))
    .leftJoin(unione, eq(unione.id, comune.unioneId))
    .leftJoin(decreto, eq(decreto.progettoId, progetto.id))
    .where(scope)
    .orderBy(asc(comune.name), asc(progetto.misura), asc(progetto.id))
    .all();
  if (rows.length === 0) return [];
  const related = loadRelated(db, scope);
  return rows.map((r) => {
    const id = r.progetto.id;
    const facts = factsOf(
      {
        id,
        band: r.progetto.band,
        population: r.comune.population,
        notifiedOn: r.decreto?.notifiedOn ?? null,
        hasDecreto: r.decreto?.id ?? null,
        officialState: r.progetto.officialState,
        officialStateOn: r.progetto.officialStateOn,
      },
      related,
    );
    return {
      ...r,
      candidaturaServices: related.services.get(id) ?? [],
      istanze: related.istanze.get(id) ?? [],
      determine: related.determine.get(id) ?? [],
      eventi: related.eventi.get(id) ?? [],
      amountCents: grantedAmount(
        r.decreto?.amountCents ?? null,
        r.progetto.officialAmountCents,
        r.progetto.amountRequestedCents,
      ),
      assessment: assessProgetto(facts, policy),
    };
  });
}

/** What was granted: the decreto's amount, else the official one, else the requested one. */
function grantedAmount(
  decreto: number | null,
  official: number | null,
  requested: number | null,
): number | null {
  return decreto ?? official ?? requested;
}

/** A progetto's assessment with the few columns lists keep beside it. */
export interface ProgettoAssessedLean {
  id: number;
  officialState: ProgettoRow["officialState"];
  amountCents: number | null;
  assessment: ProgettoAssessment;
}

/**
 * The read model's facts and assessment without the fields only pages show, for assessing
 * thousands of progetti at once (the stored index after an import): the same facts
 * (factsOf, relatedOf) and rule, a tenth of the columns, no sort, and the progetti chosen by
 * a subquery of ids that each step table probes directly.
 */
export function loadAssessedLean(db: Db, policy: Policy, ids: SQLWrapper): ProgettoAssessedLean[] {
  const rows = db
    .select({
      id: progetto.id,
      band: progetto.band,
      population: comune.population,
      notifiedOn: decreto.notifiedOn,
      hasDecreto: decreto.id,
      decretoAmount: decreto.amountCents,
      officialAmount: progetto.officialAmountCents,
      requestedAmount: progetto.amountRequestedCents,
      officialState: progetto.officialState,
      officialStateOn: progetto.officialStateOn,
    })
    .from(progetto)
    .innerJoin(comune, eq(comune.id, progetto.comuneId))
    .leftJoin(decreto, eq(decreto.progettoId, progetto.id))
    .where(inArray(progetto.id, ids))
    .all();
  if (rows.length === 0) return [];
  const related = relatedOf(db, ids);
  return rows.map((r) => ({
    id: r.id,
    officialState: r.officialState,
    amountCents: grantedAmount(r.decretoAmount, r.officialAmount, r.requestedAmount),
    assessment: assessProgetto(factsOf(r, related), policy),
  }));
}

/** The flat shape of a progetto in lists (dashboard, Scadenze, calendars). */
export function summarize(a: AssessedProgetto): ProgettoSummary {
  return {
    id: a.progetto.id,
    comuneId: a.comune.id,
    comune: a.comune.name,
    comuneFictional: a.comune.fictional,
    unioneId: a.comune.unioneId,
    unione: a.unione,
    misura: a.progetto.misura,
    cup: a.progetto.cup,
    amountCents: a.amountCents,
    assessment: a.assessment,
  };
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
