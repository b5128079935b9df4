import { eq } from "drizzle-orm";
import type { Db } from "../../db/connection";
import { avviso, documento, progetto } from "../../db/schema";
import { latest } from "../domain/dates";
import type { Policy } from "../domain/policy";
import { buildTimeline, type StepRef, stepKey } from "../domain/timeline";
import { loadAssessedProgetti } from "./progetti.server";

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

/** Everything the project page shows: the read model's progetto, its timeline and documents. */
export function loadProgettoRecord(db: Db, id: number, policy: Policy) {
  const [found] = loadAssessedProgetti(db, policy, eq(progetto.id, id));
  if (!found) return null;
  const { progetto: p, decreto: d, candidaturaServices, istanze, determine, eventi } = found;
  const avvisoRow =
    p.avvisoId === null
      ? null
      : (db.select().from(avviso).where(eq(avviso.id, p.avvisoId)).get() ?? null);
  const timeline = buildTimeline({
    candidatura: {
      sentOn: p.candidaturaSentOn,
      amountCents: p.amountRequestedCents,
      services: candidaturaServices,
    },
    decreto: d,
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
    ...found,
    version: recordVersion([
      p.updatedAt,
      d?.updatedAt,
      ...istanze.map((i) => i.updatedAt),
      ...determine.map((x) => x.updatedAt),
      ...eventi.map((e) => e.updatedAt),
      ...found.proroghe.map((x) => x.updatedAt),
    ]),
    avviso: avvisoRow,
    timeline,
    documenti: documenti.map((x) => ({ ...x, stepKey: documentStepKey(x) })),
  };
}

export type ProgettoRecord = NonNullable<ReturnType<typeof loadProgettoRecord>>;
