import { asc, eq, inArray, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Db } from "../../db/connection";
import {
  avviso,
  comune,
  decreto,
  determina,
  evento,
  istanzaModifica,
  istanzaServizio,
  progetto,
  progettoServizio,
  proroga,
  unione,
} from "../../db/schema";
import {
  type AvvisoRuleColumns,
  type DeadlineChange,
  deadlineRulesOf,
} from "../domain/avviso-rules";
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
export type Proroga = typeof proroga.$inferSelect;
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
  proroghe: Map<number, Proroga[]>;
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
    proroghe: groupBy(
      db
        .select()
        .from(proroga)
        .where(filter(proroga.progettoId))
        .orderBy(asc(proroga.grantedOn), asc(proroga.id))
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

/** What was granted: the decreto's amount, else the official one, else the requested one. */
export function grantedCents(
  decretoCents: number | null,
  officialCents: number | null,
  requestedCents: number | null,
): number | null {
  return decretoCents ?? officialCents ?? requestedCents;
}

type ProgettoRow = typeof progetto.$inferSelect;
type DecretoRow = typeof decreto.$inferSelect;

/**
 * The avviso's rule columns, as both loaders select them. Drizzle reads a left-joined object
 * as missing when its first column is null: the avviso's id comes first, so only a progetto
 * without an avviso has no rules.
 */
const AVVISO_RULES = {
  avvisoId: avviso.id,
  contractFrom: avviso.contractFrom,
  contractDaysSmall: avviso.contractDaysSmall,
  contractDaysLarge: avviso.contractDaysLarge,
  completionFrom: avviso.completionFrom,
  completionDaysSmall: avviso.completionDaysSmall,
  completionDaysLarge: avviso.completionDaysLarge,
  finalDeadline: avviso.finalDeadline,
};

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
  proroghe: Proroga[];
  /** The avviso's rules as stored; null for a progetto without an avviso. */
  avvisoRules: AvvisoRuleColumns | null;
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
      avvisoRules: AVVISO_RULES,
    })
    .from(progetto)
    .innerJoin(comune, eq(comune.id, progetto.comuneId))
    .leftJoin(unione, eq(unione.id, comune.unioneId))
    .leftJoin(decreto, eq(decreto.progettoId, progetto.id))
    .leftJoin(avviso, eq(avviso.id, progetto.avvisoId))
    .where(scope)
    .orderBy(asc(comune.name), asc(progetto.misura), asc(progetto.id))
    .all();
  if (rows.length === 0) return [];
  const related = loadRelated(db, scope);
  return rows.map((r) => {
    const id = r.progetto.id;
    const record = {
      ...r,
      candidaturaServices: related.services.get(id) ?? [],
      istanze: related.istanze.get(id) ?? [],
      determine: related.determine.get(id) ?? [],
      eventi: related.eventi.get(id) ?? [],
      proroghe: related.proroghe.get(id) ?? [],
      avvisoRules: r.avvisoRules && withoutId(r.avvisoRules),
      amountCents: grantedCents(
        r.decreto?.amountCents ?? null,
        r.progetto.officialAmountCents,
        r.progetto.amountRequestedCents,
      ),
    };
    return { ...record, assessment: assessProgetto(progettoFacts(record), policy) };
  });
}

function withoutId({
  avvisoId: _,
  ...rules
}: AvvisoRuleColumns & { avvisoId: number }): AvvisoRuleColumns {
  return rules;
}

/** What progettoFacts reads: the full record of a page, or the lean one of a bulk assessment. */
export interface FactsSource {
  progetto: Pick<
    ProgettoRow,
    "band" | "officialState" | "officialStateOn" | "platformContractDue" | "platformCompletionDue"
  >;
  comune: { population: number | null };
  decreto: { notifiedOn: string | null } | null;
  avvisoRules: AvvisoRuleColumns | null;
  proroghe: Proroga[];
  candidaturaServices: number[];
  istanze: IstanzaWithServices[];
  determine: Determina[];
  eventi: Evento[];
  amountCents: number | null;
}

/** The facts assessProgetto reads, from a progetto's rows and steps. */
export function progettoFacts(a: FactsSource): ProgettoFacts {
  return {
    rules: deadlineRulesOf(a.avvisoRules),
    platformDeadlines: {
      contract: a.progetto.platformContractDue,
      completion: a.progetto.platformCompletionDue,
    },
    deadlineChanges: a.proroghe.map(
      (c): DeadlineChange => ({
        deadline: c.deadlineKind,
        kind: c.kind,
        grantedOn: c.grantedOn,
        days: c.days,
        until: c.until,
      }),
    ),
    band: a.progetto.band,
    population: a.comune.population,
    candidaturaServices: a.candidaturaServices,
    decreto: a.decreto === null ? null : { notifiedOn: a.decreto.notifiedOn },
    determine: a.determine,
    istanze: a.istanze satisfies IstanzaFacts[],
    eventi: a.eventi,
    officialState: a.progetto.officialState,
    officialStateOn: a.progetto.officialStateOn,
    financedCents: a.amountCents,
  };
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
 * (progettoFacts, relatedOf) and rule, a fraction of the columns, no sort, and the progetti
 * chosen by a subquery of ids that each step table probes directly.
 */
export function loadAssessedLean(db: Db, policy: Policy, ids: SQLWrapper): ProgettoAssessedLean[] {
  const rows = db
    .select({
      progetto: {
        id: progetto.id,
        band: progetto.band,
        officialState: progetto.officialState,
        officialStateOn: progetto.officialStateOn,
        platformContractDue: progetto.platformContractDue,
        platformCompletionDue: progetto.platformCompletionDue,
        officialAmountCents: progetto.officialAmountCents,
        amountRequestedCents: progetto.amountRequestedCents,
      },
      population: comune.population,
      decreto: { id: decreto.id, notifiedOn: decreto.notifiedOn, amountCents: decreto.amountCents },
      avvisoRules: AVVISO_RULES,
    })
    .from(progetto)
    .innerJoin(comune, eq(comune.id, progetto.comuneId))
    .leftJoin(decreto, eq(decreto.progettoId, progetto.id))
    .leftJoin(avviso, eq(avviso.id, progetto.avvisoId))
    .where(inArray(progetto.id, ids))
    .all();
  if (rows.length === 0) return [];
  const related = relatedOf(db, ids);
  return rows.map((r) => {
    const id = r.progetto.id;
    const amountCents = grantedCents(
      r.decreto?.amountCents ?? null,
      r.progetto.officialAmountCents,
      r.progetto.amountRequestedCents,
    );
    const facts = progettoFacts({
      progetto: r.progetto,
      comune: { population: r.population },
      decreto: r.decreto,
      avvisoRules: r.avvisoRules && withoutId(r.avvisoRules),
      proroghe: related.proroghe.get(id) ?? [],
      candidaturaServices: related.services.get(id) ?? [],
      istanze: related.istanze.get(id) ?? [],
      determine: related.determine.get(id) ?? [],
      eventi: related.eventi.get(id) ?? [],
      amountCents,
    });
    return {
      id,
      officialState: r.progetto.officialState,
      amountCents,
      assessment: assessProgetto(facts, policy),
    };
  });
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
