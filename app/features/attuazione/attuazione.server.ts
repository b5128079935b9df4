/**
 * Data of the public "Attuazione misure PNRR" pages. Every value that leaves here is named
 * one by one: nothing private (notes, reasons, unpublished documents, uploaders) can slip
 * through by being a column of a row we happened to read.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/connection";
import { comune, documento, progetto } from "../../../db/schema";
import { parseRecordId } from "../../auth/canonical-path";
import { bandById, splitAmount } from "../../domain/bands";
import { latest } from "../../domain/dates";
import { misuraByCode } from "../../domain/measures";
import { PHASE_LABELS } from "../../domain/phase";
import type { Policy } from "../../domain/policy";
import { acceptedSubstitutions } from "../../domain/services";
import { type AssessedProgetto, loadAssessedProgetti } from "../../models/progetti.server";
import { loadProgettoRecord } from "../../models/progetto-record.server";
import {
  attachmentLabel,
  COMPONENTI,
  FUNDING_SOURCE,
  INVESTIMENTI,
  MISSIONI,
  publicTimeline,
  servicesText,
} from "./attuazione";

function findComune(db: Db, istat: string) {
  return db.select().from(comune).where(eq(comune.codiceIstat, istat)).get() ?? null;
}

export function loadAttuazioneComune(db: Db, istat: string, policy: Policy) {
  const found = findComune(db, istat);
  if (!found) return null;
  const assessed = loadAssessedProgetti(
    db,
    policy,
    and(eq(progetto.comuneId, found.id), eq(progetto.beneficiaryKind, "comune")),
  );
  const progetti = assessed.map((a) => ({
    id: a.progetto.id,
    title: a.progetto.title,
    misura: a.progetto.misura,
    cup: a.progetto.cup,
    amountCents: a.amountCents,
    state: PHASE_LABELS[a.assessment.phase],
  }));
  // Missione > componente > misura, in the order of the measures' codes.
  const groups = new Map<
    string,
    { code: string; heading: string[]; misura: string; progetti: typeof progetti }
  >();
  for (const p of progetti) {
    const m = misuraByCode(p.misura);
    const key = p.misura;
    if (!groups.has(key))
      groups.set(key, {
        code: p.misura,
        heading: [
          MISSIONI[m?.missione ?? ""] ?? m?.missione ?? "Missione non indicata",
          COMPONENTI[m?.componente ?? ""] ?? m?.componente ?? "",
          INVESTIMENTI[m?.investimento ?? ""] ?? "",
        ],
        misura: `Misura ${p.misura} – ${m?.title ?? ""}`,
        progetti: [],
      });
    groups.get(key)?.progetti.push(p);
  }
  return {
    comune: { name: found.name, istat: found.codiceIstat, provincia: found.provincia },
    groups: [...groups.values()],
    progetti,
    lastUpdated: latest(assessed.flatMap(lastChanges)),
  };
}

export function loadAttuazioneProgetto(db: Db, istat: string, id: number, policy: Policy) {
  const record = loadProgettoRecord(db, id, policy);
  if (
    !record ||
    record.comune.codiceIstat !== istat ||
    record.progetto.beneficiaryKind !== "comune"
  )
    return null;
  const p = record.progetto;
  const m = misuraByCode(p.misura);
  const { amountCents } = record;
  const split =
    p.misura === "1.4.1" && amountCents !== null
      ? splitAmount(amountCents, p.band === null ? null : bandById(p.band))
      : null;
  const substitutions = acceptedSubstitutions(record.istanze);
  const published = record.documenti.filter((d) => d.publishable);
  return {
    comune: { name: record.comune.name, istat: record.comune.codiceIstat },
    progetto: {
      id: p.id,
      title: p.title,
      cup: p.cup,
      misura: p.misura,
      misuraTitle: m?.title ?? "",
      investimento: INVESTIMENTI[m?.investimento ?? ""] ?? "",
      missione: MISSIONI[m?.missione ?? ""] ?? "",
      componente: COMPONENTI[m?.componente ?? ""] ?? "",
      amountCents,
      split: split
        ? { siteCents: split.siteCents, servicesCents: split.servicesCents, band: split.band.label }
        : null,
      fundingSource: FUNDING_SOURCE,
      soggettoAttuatore: `Comune di ${record.comune.name}`,
      state: PHASE_LABELS[record.assessment.phase],
      ...servicesText(record.assessment.services, substitutions),
    },
    steps: publicTimeline({
      candidatura: {
        sentOn: p.candidaturaSentOn,
        amountCents: p.amountRequestedCents,
        services: record.candidaturaServices,
      },
      decreto: record.decreto,
      istanze: record.istanze,
      determine: record.determine,
      eventi: record.eventi,
    }),
    documenti: published.map((d) => ({
      id: d.id,
      title: d.title,
      date: d.uploadedAt.slice(0, 10),
      label: attachmentLabel(d.sizeBytes, d.originalName),
    })),
    lastUpdated: latest([...lastChanges(record), ...published.map((d) => d.uploadedAt)]),
  };
}

/** When each part of a progetto last changed. */
function lastChanges(a: AssessedProgetto): (string | null | undefined)[] {
  return [
    a.progetto.updatedAt,
    a.decreto?.updatedAt,
    ...a.istanze.map((i) => i.updatedAt),
    ...a.determine.map((d) => d.updatedAt),
    ...a.eventi.map((e) => e.updatedAt),
  ];
}

/** A published document of a comune's progetto, or null (unpublished ones do not exist here). */
export function findPublishedDocumento(db: Db, istat: string, progettoId: number, id: number) {
  return (
    db
      .select({
        sha256: documento.sha256,
        sizeBytes: documento.sizeBytes,
        mediaType: documento.mediaType,
        originalName: documento.originalName,
      })
      .from(documento)
      .innerJoin(progetto, eq(progetto.id, documento.progettoId))
      .innerJoin(comune, eq(comune.id, progetto.comuneId))
      .where(
        and(
          eq(documento.id, id),
          eq(documento.progettoId, progettoId),
          eq(documento.publishable, true),
          eq(comune.codiceIstat, istat),
          eq(progetto.beneficiaryKind, "comune"),
        ),
      )
      .get() ?? null
  );
}

export type AttuazioneComune = NonNullable<ReturnType<typeof loadAttuazioneComune>>;
export type AttuazioneProgetto = NonNullable<ReturnType<typeof loadAttuazioneProgetto>>;

/** What a public route's loader receives (no user: the public pages need none). */
interface PublicArgs {
  params: Record<string, string | undefined>;
  context: { db: Db; policy: Policy };
}

/** The public view of the comune `params.istat`, or a 404. */
export function requireAttuazioneComune({ params, context }: PublicArgs) {
  const found = loadAttuazioneComune(context.db, params.istat ?? "", context.policy);
  if (!found) throw new Response("Comune non trovato", { status: 404 });
  return found;
}

/** The public view of progetto `params.id` of comune `params.istat`, or a 404. */
export function requireAttuazioneProgetto({ params, context }: PublicArgs) {
  const found = loadAttuazioneProgetto(
    context.db,
    params.istat ?? "",
    parseRecordId(params.id) ?? 0,
    context.policy,
  );
  if (!found) throw new Response("Progetto non trovato", { status: 404 });
  return found;
}
