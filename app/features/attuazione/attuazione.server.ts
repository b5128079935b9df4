/**
 * Data of the public "Attuazione misure PNRR" pages. Every value that leaves here is named
 * one by one: nothing private (notes, reasons, unpublished documents, uploaders) can slip
 * through by being a column of a row we happened to read.
 */
import { and, asc, count, countDistinct, eq, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../../../db/connection";
import { avviso, comune, documento, progetto } from "../../../db/schema";
import { parseRecordId } from "../../auth/canonical-path";
import { bandById, splitAmount } from "../../domain/bands";
import { latest } from "../../domain/dates";
import { misuraByCode } from "../../domain/measures";
import type { Policy } from "../../domain/policy";
import { acceptedSubstitutions } from "../../domain/services";
import { pageOf } from "../../forms/paging";
import { type AssessedProgetto, loadAssessedProgetti } from "../../models/progetti.server";
import { loadProgettoRecord } from "../../models/progetto-record.server";
import {
  attachmentLabel,
  COMPONENTI,
  FUNDING_SOURCE,
  grantTotals,
  INVESTIMENTI,
  MISSIONI,
  publicState,
  publicTimeline,
  servicesText,
  withdrawalOf,
} from "./attuazione";

function findComune(db: Db, istat: string) {
  return db.select().from(comune).where(eq(comune.codiceIstat, istat)).get() ?? null;
}

/** The comune's own pages the public footer links to; none when the comune gave none. */
function footerLinks(c: { accessibilityUrl: string | null; privacyUrl: string | null }) {
  return { accessibilityUrl: c.accessibilityUrl, privacyUrl: c.privacyUrl };
}

export function loadAttuazioneComune(db: Db, istat: string, policy: Policy) {
  const found = findComune(db, istat);
  if (!found) return null;
  const assessed = loadAssessedProgetti(
    db,
    policy,
    and(eq(progetto.comuneId, found.id), eq(progetto.beneficiaryKind, "comune")),
  );
  const avvisi = new Map(
    db
      .select({ id: avviso.id, title: avviso.title })
      .from(avviso)
      .all()
      .map((a) => [a.id, a.title]),
  );
  const progetti = assessed.map((a) => {
    const closure = a.assessment.closure.state;
    return {
      id: a.progetto.id,
      title: a.progetto.title,
      misura: a.progetto.misura,
      avviso: a.progetto.avvisoId === null ? null : (avvisi.get(a.progetto.avvisoId) ?? null),
      cup: a.progetto.cup,
      amountCents: a.amountCents,
      state: publicState(a.assessment.phase, closure),
      withdrawal: withdrawalOf(a.assessment.phase, closure),
    };
  });
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
    footerLinks: footerLinks(found),
    groups: [...groups.values()],
    progetti,
    totals: grantTotals(progetti),
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
  const links = findComune(db, istat);
  return {
    comune: { name: record.comune.name, istat: record.comune.codiceIstat },
    footerLinks: links ? footerLinks(links) : null,
    progetto: {
      id: p.id,
      title: p.title,
      cup: p.cup,
      misura: p.misura,
      misuraTitle: m?.title ?? "",
      avviso: record.avviso?.title ?? null,
      investimento: INVESTIMENTI[m?.investimento ?? ""] ?? "",
      missione: MISSIONI[m?.missione ?? ""] ?? "",
      componente: COMPONENTI[m?.componente ?? ""] ?? "",
      amountCents,
      split: split
        ? { siteCents: split.siteCents, servicesCents: split.servicesCents, band: split.band.label }
        : null,
      fundingSource: FUNDING_SOURCE,
      soggettoAttuatore: `Comune di ${record.comune.name}`,
      state: publicState(record.assessment.phase, record.assessment.closure.state),
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

/** Comuni on a page of the public list: 50 a page, whatever the country's size. */
const LIST_PAGE_SIZE = 50;

/**
 * The comuni that have a public page worth opening (an ISTAT code and at least one progetto
 * of their own), by name, optionally those whose name contains `q` (taken literally), one
 * page at a time (?pagina=N).
 */
export function listPublicComuni(db: Db, params: URLSearchParams) {
  const q = (params.get("q") ?? "").trim().slice(0, 80);
  const where = and(
    isNotNull(comune.codiceIstat),
    eq(progetto.beneficiaryKind, "comune"),
    q
      ? sql`${comune.name} like ${`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`
      : undefined,
  );
  const total =
    db
      .select({ n: countDistinct(comune.id) })
      .from(comune)
      .innerJoin(progetto, eq(progetto.comuneId, comune.id))
      .where(where)
      .get()?.n ?? 0;
  const page = pageOf(params, total, LIST_PAGE_SIZE);
  const comuni = db
    .select({
      name: comune.name,
      istat: comune.codiceIstat,
      provincia: comune.provincia,
      fictional: comune.fictional,
      progetti: count(progetto.id),
    })
    .from(comune)
    .innerJoin(progetto, eq(progetto.comuneId, comune.id))
    .where(where)
    .groupBy(comune.id)
    .orderBy(asc(comune.name), asc(comune.id))
    .limit(page.size)
    .offset(page.offset)
    .all()
    .map((c) => ({ ...c, istat: c.istat ?? "" }));
  return { q, page, comuni };
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
