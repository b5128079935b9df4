import { eq } from "drizzle-orm";
import type { Db } from "../../db/connection";
import { avviso, comune, decreto, documento, progetto } from "../../db/schema";
import { type IsoDate, latest } from "../domain/dates";
import { assessProgetto } from "../domain/progetto";
import { buildTimeline, type StepRef, stepKey } from "../domain/timeline";
import { factsOf, loadRelated } from "./progetti.server";

export type DocumentoRow = typeof documento.$inferSelect;

/** Which step a document belongs to, as the timeline names steps. */
export function documentStepKey(d: DocumentoRow): string {
  const ref: StepRef | null =
    d.step === "candidatura"
      ? { step: "candidatura" }
      : d.decretoId
        ? { step: "decreto", id: d.decretoId }
        : d.istanzaId
          ? { step: "istanza", id: d.istanzaId }
          : d.determinaId
            ? { step: "determina", id: d.determinaId }
            : d.eventoId
              ? { step: "evento", id: d.eventoId }
              : null;
  return ref ? stepKey(ref) : "altro";
}

/**
 * The version of a progetto's record as a form saw it: the latest change and how many parts
 * it has, so an edit, an addition or a deletion by someone else all make it differ.
 */
function recordVersion(updatedAts: readonly (string | null | undefined)[]): string {
  const dates = updatedAts.filter((d): d is string => Boolean(d));
  return `${latest(dates) ?? ""}#${dates.length}`;
}

/** Everything the project page shows, in a handful of queries. */
export function loadProgettoRecord(db: Db, id: number, today: IsoDate, atRiskDays: number) {
  const row = db
    .select({ progetto, comune, avviso, decreto })
    .from(progetto)
    .innerJoin(comune, eq(comune.id, progetto.comuneId))
    .leftJoin(avviso, eq(avviso.id, progetto.avvisoId))
    .leftJoin(decreto, eq(decreto.progettoId, progetto.id))
    .where(eq(progetto.id, id))
    .get();
  if (!row) return null;
  const related = loadRelated(db, [id]);
  const p = row.progetto;
  const assessment = assessProgetto(
    factsOf(
      {
        id,
        band: p.band,
        population: row.comune.population,
        notifiedOn: row.decreto?.notifiedOn ?? null,
        hasDecreto: row.decreto?.id ?? null,
        officialState: p.officialState,
        officialStateOn: p.officialStateOn,
      },
      related,
    ),
    today,
    atRiskDays,
  );
  const candidaturaServices = related.services.get(id) ?? [];
  const istanze = related.istanze.get(id) ?? [];
  const determine = related.determine.get(id) ?? [];
  const eventi = related.eventi.get(id) ?? [];
  const timeline = buildTimeline({
    candidatura: {
      sentOn: p.candidaturaSentOn,
      amountCents: p.amountRequestedCents,
      services: candidaturaServices,
    },
    decreto: row.decreto,
    istanze,
    determine,
    eventi,
  });
  const documenti = db
    .select()
    .from(documento)
    .where(eq(documento.progettoId, id))
    .orderBy(documento.uploadedAt)
    .all();
  return {
    version: recordVersion([
      p.updatedAt,
      row.decreto?.updatedAt,
      ...istanze.map((i) => i.updatedAt),
      ...determine.map((d) => d.updatedAt),
      ...eventi.map((e) => e.updatedAt),
    ]),
    progetto: p,
    comune: row.comune,
    avviso: row.avviso,
    decreto: row.decreto,
    candidaturaServices,
    istanze,
    determine,
    eventi,
    assessment,
    timeline,
    documenti: documenti.map((d) => ({ ...d, stepKey: documentStepKey(d) })),
  };
}

export type ProgettoRecord = NonNullable<ReturnType<typeof loadProgettoRecord>>;
