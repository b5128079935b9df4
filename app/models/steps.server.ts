/** Saving and deleting the steps of a progetto: each in one transaction, each audited. */
import { and, desc, eq, ne, or, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { z } from "zod";
import type { Actor, Writer } from "../../db/audit";
import type { Db } from "../../db/connection";
import {
  comune,
  decreto,
  determina,
  documento,
  evento,
  istanzaModifica,
  istanzaServizio,
  progetto,
  progettoServizio,
  proroga,
} from "../../db/schema";
import { checkDeadlineChange } from "../domain/avviso-rules";
import { checkCandidatura, checkSubstitution } from "../domain/candidatura-rules";
import { checkClosureEvent } from "../domain/closure";
import type { IsoDate } from "../domain/dates";
import { assessProgetto } from "../domain/progetto";
import { acceptedSubstitutions, servicesInForce } from "../domain/services";
import {
  asseverazioneWithOpenChecklistWarning,
  checkCandidaturaDates,
  checkDecreto,
  checkDetermina,
  contractDate,
  type StepFindings,
  type StepWarning,
  unconfirmed,
} from "../domain/step-checks";
import type { EventKind } from "../domain/vocabulary";
import { loadChecklist } from "../features/conformity/conformity.server";
import {
  CHECKLIST_FIELD,
  type CompletionInput,
  REQUEST_FIELD,
  SITE_FIELD,
  serviceField,
} from "../forms/completion-input";
import type { PlatformDeadlinesInput, ProrogaInput } from "../forms/deadline-inputs";
import type {
  CandidaturaInput,
  DecretoInput,
  DeterminaInput,
  EventoInput,
  IstanzaInput,
} from "../forms/step-inputs";
import { removeUnreferencedFiles } from "../infra/files.server";
import { auditedDelete, auditedInsert, auditedUpdate } from "./audited.server";
import { grantedCents, loadAssessedProgetti, loadRelated, progettoFacts } from "./progetti.server";

/** Input that is well-formed but breaks a rule that needs the stored data to check. */
export class StepRejected extends Error {
  constructor(readonly errors: Record<string, string>) {
    super(Object.values(errors).join("; "));
  }
}

/** Input that is possible but unusual: saved once the user confirms each warning. */
export class NeedsConfirmation extends Error {
  constructor(readonly warnings: StepWarning[]) {
    super(warnings.map((w) => w.message).join("; "));
  }
}

/**
 * What a form adds to a save: today, for dates that cannot be future, and the warnings the
 * user confirmed. The demo seeds record history as it was and pass none.
 */
export interface StepChecks {
  today: IsoDate;
  confirmed: readonly string[];
}

/** Refuses the impossible, asks to confirm the unusual, lets the rest through. */
function enforce(found: StepFindings, checks: StepChecks): void {
  if (Object.keys(found.errors).length) throw new StepRejected(found.errors);
  const left = unconfirmed(found.warnings, checks.confirmed);
  if (left.length) throw new NeedsConfirmation(left);
}

type Candidatura = z.output<typeof CandidaturaInput>;

function candidaturaFields(input: Candidatura) {
  return {
    avvisoId: input.avvisoId,
    candidaturaSentOn: input.sentOn,
    band: input.band,
    servicesCount: input.servizioIds.length,
    amountRequestedCents: input.amountRequested,
    sitePackage: true,
  };
}

function setServices(tx: Writer, progettoId: number, ids: readonly number[]) {
  tx.delete(progettoServizio).where(eq(progettoServizio.progettoId, progettoId)).run();
  for (const servizioId of ids)
    tx.insert(progettoServizio).values({ progettoId, servizioId }).run();
}

/** Returns the warnings of the rules engine (the amount disagrees), which do not block saving. */
function checked(input: Candidatura): string[] {
  const result = checkCandidatura(input);
  if (Object.keys(result.errors).length) throw new StepRejected(result.errors);
  return result.warnings;
}

export function createProgetto(
  db: Db,
  actor: Actor,
  comuneId: number,
  input: Candidatura,
  checks?: StepChecks,
) {
  const warnings = checked(input);
  // A new progetto has no decreto yet: only the candidatura's own dates are judged.
  if (checks)
    enforce(checkCandidaturaDates(input, { today: checks.today, decreeOn: null }), checks);
  const id = db.transaction((tx) => {
    const owner = tx.select().from(comune).where(eq(comune.id, comuneId)).get();
    if (!owner) throw new StepRejected({ _form: "Comune inesistente" });
    const row = auditedInsert<{ id: number }>(tx, actor, "progetto", progetto, {
      comuneId,
      misura: "1.4.1",
      title: `Esperienza del cittadino nei servizi pubblici - Comune di ${owner.name}`,
      beneficiaryKind: "comune",
      beneficiaryName: `Comune di ${owner.name}`,
      beneficiaryIpa: owner.codiceIpa,
      ...candidaturaFields(input),
    });
    setServices(tx, row.id, input.servizioIds);
    return row.id;
  });
  return { id, warnings };
}

export function updateCandidatura(
  db: Db,
  actor: Actor,
  progettoId: number,
  input: Candidatura,
  checks?: StepChecks,
): string[] {
  const warnings = checked(input);
  db.transaction((tx) => {
    if (checks) {
      const decreeOn =
        tx
          .select({ decreeOn: decreto.decreeOn })
          .from(decreto)
          .where(eq(decreto.progettoId, progettoId))
          .get()?.decreeOn ?? null;
      enforce(checkCandidaturaDates(input, { today: checks.today, decreeOn }), checks);
    }
    auditedUpdate(tx, actor, "progetto", progetto, progettoId, candidaturaFields(input));
    setServices(tx, progettoId, input.servizioIds);
  });
  return warnings;
}

export function saveDecreto(
  db: Db,
  actor: Actor,
  progettoId: number,
  input: z.output<typeof DecretoInput>,
  checks?: StepChecks,
): void {
  db.transaction((tx) => {
    if (checks) {
      const sent = tx
        .select({ on: progetto.candidaturaSentOn })
        .from(progetto)
        .where(eq(progetto.id, progettoId))
        .get();
      const contracts = tx
        .select({ adoptedOn: determina.adoptedOn, contractOn: determina.contractOn })
        .from(determina)
        .where(eq(determina.progettoId, progettoId))
        .all()
        .map(contractDate);
      enforce(
        checkDecreto(input, {
          today: checks.today,
          candidaturaSentOn: sent?.on ?? null,
          contracts,
        }),
        checks,
      );
    }
    const clash = tx
      .select({ comune: comune.name })
      .from(progetto)
      .innerJoin(comune, eq(comune.id, progetto.comuneId))
      .where(
        and(
          eq(progetto.cup, input.cup),
          ne(progetto.id, progettoId),
          // The same CUP may return on a later avviso, or for the same comune in a later
          // window of the same one (renounced, then applied again); never otherwise.
          eq(progetto.avvisoId, sql`(select avviso_id from progetto where id = ${progettoId})`),
          or(
            sql`coalesce(${progetto.officialWindow}, 1) = (select coalesce(official_window, 1) from progetto where id = ${progettoId})`,
            ne(progetto.comuneId, sql`(select comune_id from progetto where id = ${progettoId})`),
          ),
        ),
      )
      .get();
    if (clash)
      throw new StepRejected({
        cup: `Il CUP ${input.cup} è già di un progetto del Comune di ${clash.comune}`,
      });
    auditedUpdate(tx, actor, "progetto", progetto, progettoId, { cup: input.cup });
    const fields = {
      number: input.number,
      decreeOn: input.decreeOn,
      notifiedOn: input.notifiedOn,
      amountCents: input.amount,
    };
    const existing = tx
      .select({ id: decreto.id })
      .from(decreto)
      .where(eq(decreto.progettoId, progettoId))
      .get();
    if (existing) auditedUpdate(tx, actor, "decreto", decreto, existing.id, fields);
    else auditedInsert(tx, actor, "decreto", decreto, { progettoId, ...fields });
  });
}

/** Fails unless the step exists and belongs to the progetto. */
function owned(
  tx: Writer,
  table: typeof istanzaModifica | typeof determina | typeof evento | typeof proroga,
  id: number,
  progettoId: number,
) {
  const found = tx
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.id, id), eq(table.progettoId, progettoId)))
    .get();
  if (!found)
    throw new StepRejected({ _form: "Il passaggio non esiste o appartiene a un altro progetto" });
}

export function saveIstanza(
  db: Db,
  actor: Actor,
  progettoId: number,
  istanzaId: number | null,
  input: z.output<typeof IstanzaInput>,
): number {
  return db.transaction((tx) => {
    if (istanzaId !== null) owned(tx, istanzaModifica, istanzaId, progettoId);
    if (input.kind === "sostituzione-servizi") {
      const inForce = servicesInForceExcept(tx, progettoId, istanzaId);
      const band =
        tx.select({ band: progetto.band }).from(progetto).where(eq(progetto.id, progettoId)).get()
          ?.band ?? null;
      const { errors } = checkSubstitution(inForce, input.removed, input.added, band);
      if (Object.keys(errors).length) throw new StepRejected(errors);
    }
    const { removed, added, ...fields } = input;
    let id = istanzaId;
    if (id === null) {
      id = auditedInsert<{ id: number }>(tx, actor, "istanza_modifica", istanzaModifica, {
        progettoId,
        ...fields,
      }).id;
    } else {
      auditedUpdate(tx, actor, "istanza_modifica", istanzaModifica, id, fields);
    }
    tx.delete(istanzaServizio).where(eq(istanzaServizio.istanzaId, id)).run();
    for (const servizioId of removed)
      tx.insert(istanzaServizio).values({ istanzaId: id, servizioId, change: "removed" }).run();
    for (const servizioId of added)
      tx.insert(istanzaServizio).values({ istanzaId: id, servizioId, change: "added" }).run();
    return id;
  });
}

/** Services in force before this istanza: the candidatura's with the other accepted swaps. */
function servicesInForceExcept(db: Writer, progettoId: number, istanzaId: number | null): number[] {
  const related = loadRelated(db, eq(progetto.id, progettoId));
  return servicesInForce(
    related.services.get(progettoId) ?? [],
    acceptedSubstitutions(related.istanze.get(progettoId) ?? [], istanzaId),
  );
}

export function saveDetermina(
  db: Db,
  actor: Actor,
  progettoId: number,
  determinaId: number | null,
  input: z.output<typeof DeterminaInput>,
  checks?: StepChecks,
): number {
  const { amount, ...rest } = input;
  const fields = { ...rest, amountCents: amount };
  return db.transaction((tx) => {
    if (checks) {
      const notifiedOn =
        tx
          .select({ on: decreto.notifiedOn })
          .from(decreto)
          .where(eq(decreto.progettoId, progettoId))
          .get()?.on ?? null;
      enforce(checkDetermina(input, { today: checks.today, notifiedOn }), checks);
    }
    if (determinaId === null)
      return auditedInsert<{ id: number }>(tx, actor, "determina", determina, {
        progettoId,
        ...fields,
      }).id;
    owned(tx, determina, determinaId, progettoId);
    auditedUpdate(tx, actor, "determina", determina, determinaId, fields);
    return determinaId;
  });
}

export function saveEvento(
  db: Db,
  actor: Actor,
  progettoId: number,
  eventoId: number | null,
  input: z.output<typeof EventoInput>,
  today: IsoDate,
  confirmed?: readonly string[],
): number {
  return db.transaction((tx) =>
    writeEvento(db, tx, actor, progettoId, eventoId, input, today, confirmed),
  );
}

/** saveEvento's checks and write, inside the caller's transaction. */
function writeEvento(
  db: Db,
  tx: Writer,
  actor: Actor,
  progettoId: number,
  eventoId: number | null,
  input: z.output<typeof EventoInput>,
  today: IsoDate,
  confirmed?: readonly string[],
): number {
  const { amount, ...rest } = input;
  const fields = { ...rest, amountCents: amount, source: "manuale" as const };
  if (
    input.servizioId !== null &&
    !servicesInForceExcept(tx, progettoId, null).includes(input.servizioId)
  ) {
    throw new StepRejected({ servizioId: "Il servizio non fa parte del progetto" });
  }
  const others = tx
    .select()
    .from(evento)
    .where(
      and(
        eq(evento.progettoId, progettoId),
        eventoId === null ? undefined : ne(evento.id, eventoId),
      ),
    )
    .all();
  const errors = checkClosureEvent({ ...input, amountCents: amount }, others, {
    today,
    financedCents: grantedAmountOf(tx, progettoId),
  });
  if (Object.keys(errors).length) throw new StepRejected(errors);
  // The checklist can lag behind the platform: an open item is unusual, not impossible.
  if (confirmed && input.kind === "asseverazione") {
    const services = servicesInForceExcept(tx, progettoId, null);
    const warning = asseverazioneWithOpenChecklistWarning(
      loadChecklist(db, progettoId, services).readiness,
    );
    enforce({ errors: {}, warnings: warning ? [warning] : [] }, { today, confirmed });
  }
  if (eventoId === null)
    return auditedInsert<{ id: number }>(tx, actor, "evento", evento, { progettoId, ...fields }).id;
  owned(tx, evento, eventoId, progettoId);
  auditedUpdate(tx, actor, "evento", evento, eventoId, fields);
  return eventoId;
}

/**
 * Completion in one submission: the site, each service in force, the checklist and the first
 * request to complete, each as its evento (the latest recorded one is updated, else one is
 * added; a request already recorded is left alone), checked as saveEvento checks each, all or
 * nothing. Errors come back keyed by the completion form's fields.
 */
export function saveCompletion(
  db: Db,
  actor: Actor,
  progettoId: number,
  input: CompletionInput,
  today: IsoDate,
): void {
  const items: { field: string; kind: EventKind; servizioId: number | null; on: IsoDate | null }[] =
    [
      { field: SITE_FIELD, kind: "sito-online", servizioId: null, on: input.siteOnlineOn },
      ...input.services.map((s) => ({
        field: serviceField(s.servizioId),
        kind: "servizio-online" as const,
        servizioId: s.servizioId,
        on: s.onlineOn,
      })),
      {
        field: CHECKLIST_FIELD,
        kind: "checklist-inviata",
        servizioId: null,
        on: input.checklistSubmittedOn,
      },
      {
        field: REQUEST_FIELD,
        kind: "richiesta-completamento",
        servizioId: null,
        on: input.completionRequestedOn,
      },
    ];
  db.transaction((tx) => {
    const inForce = servicesInForceExcept(tx, progettoId, null);
    const errors: Record<string, string> = {};
    for (const item of items) {
      if (item.on === null) continue;
      if (item.servizioId !== null && !inForce.includes(item.servizioId)) {
        errors[item.field] = "Il servizio non fa parte del progetto";
        continue;
      }
      const recorded = tx
        .select({ id: evento.id, occurredOn: evento.occurredOn })
        .from(evento)
        .where(
          and(
            eq(evento.progettoId, progettoId),
            eq(evento.kind, item.kind),
            item.servizioId === null ? undefined : eq(evento.servizioId, item.servizioId),
          ),
        )
        .orderBy(desc(evento.occurredOn), desc(evento.id))
        .get();
      // An unchanged date is not a change: no write, no audit entry.
      if (recorded?.occurredOn === item.on) continue;
      if (recorded && item.kind === "richiesta-completamento") continue;
      const existing = recorded
        ? tx.select().from(evento).where(eq(evento.id, recorded.id)).get()
        : null;
      try {
        writeEvento(
          db,
          tx,
          actor,
          progettoId,
          recorded?.id ?? null,
          {
            kind: item.kind,
            occurredOn: item.on,
            servizioId: item.servizioId,
            outcome: null,
            amount: null,
            reference: null,
            dueOn: null,
            repliedOn: null,
            year: null,
            note: existing?.note ?? null,
          },
          today,
        );
      } catch (error) {
        if (!(error instanceof StepRejected)) throw error;
        errors[item.field] = Object.values(error.errors)[0] ?? "Data non accettata";
      }
    }
    // All or nothing: one refused date rolls back the others.
    if (Object.keys(errors).length) throw new StepRejected(errors);
  });
}

/**
 * Records a change of a deadline (proroga, quarterly slot, rimessione in termini), checked
 * against the progetto's deadlines as they stand without it.
 */
export function saveProroga(
  db: Db,
  actor: Actor,
  progettoId: number,
  prorogaId: number | null,
  input: z.output<typeof ProrogaInput>,
): number {
  return db.transaction((tx) => {
    if (prorogaId !== null) owned(tx, proroga, prorogaId, progettoId);
    // The read model reads through the same connection, so inside this transaction.
    const [found] = loadAssessedProgetti(db, ANY_DAY, eq(progetto.id, progettoId));
    if (!found) throw new StepRejected({ _form: "Progetto non trovato" });
    const without = assessProgetto(
      progettoFacts({ ...found, proroghe: found.proroghe.filter((p) => p.id !== prorogaId) }),
      ANY_DAY,
    );
    const fields = {
      deadlineKind: input.deadlineKind,
      kind: input.kind,
      grantedOn: input.grantedOn,
      days: input.days,
      until: input.until,
      note: input.note,
    };
    const errors = checkDeadlineChange(
      { ...fields, deadline: input.deadlineKind },
      {
        contractedOn: without.contractedOn,
        deadline: without.deadlines[input.deadlineKind],
        finalDeadline: found.avvisoRules?.finalDeadline ?? null,
      },
    );
    if (Object.keys(errors).length) throw new StepRejected(errors);
    if (prorogaId === null)
      return auditedInsert<{ id: number }>(tx, actor, "proroga", proroga, {
        progettoId,
        ...fields,
      }).id;
    auditedUpdate(tx, actor, "proroga", proroga, prorogaId, fields);
    return prorogaId;
  });
}

/** Nothing stored depends on the day: deadlines are dates, whatever today is. */
const ANY_DAY = { today: "2000-01-01", atRiskDays: 0 };

/** The deadlines the platform shows for the progetto, as the RUP reads them there. */
export function savePlatformDeadlines(
  db: Db,
  actor: Actor,
  progettoId: number,
  input: z.output<typeof PlatformDeadlinesInput>,
): void {
  db.transaction((tx) => {
    auditedUpdate(tx, actor, "progetto", progetto, progettoId, input);
  });
}

/** What was granted, as the read model counts it (grantedCents). */
function grantedAmountOf(tx: Writer, progettoId: number): number | null {
  const row = tx
    .select({
      decreto: decreto.amountCents,
      official: progetto.officialAmountCents,
      requested: progetto.amountRequestedCents,
    })
    .from(progetto)
    .leftJoin(decreto, eq(decreto.progettoId, progetto.id))
    .where(eq(progetto.id, progettoId))
    .get();
  return row ? grantedCents(row.decreto, row.official, row.requested) : null;
}

const STEP_TABLES = {
  istanza: istanzaModifica,
  determina,
  evento,
  decreto,
  proroga,
} as const;
/** Steps that can carry documents; a proroga has none of its own. */
const DOC_COLUMNS: Partial<Record<keyof typeof STEP_TABLES, SQLiteColumn>> = {
  istanza: documento.istanzaId,
  determina: documento.determinaId,
  evento: documento.eventoId,
  decreto: documento.decretoId,
} as const;
const ENTITIES = {
  istanza: "istanza_modifica",
  determina: "determina",
  evento: "evento",
  decreto: "decreto",
  proroga: "proroga",
} as const;

/** Deletes a step with its documents; files no other document uses leave the disk too. */
export function deleteStep(
  db: Db,
  actor: Actor,
  progettoId: number,
  kind: keyof typeof STEP_TABLES,
  id: number,
  filesDir: string,
): void {
  const table = STEP_TABLES[kind];
  const hashes = db.transaction((tx) => {
    owned(tx, table as typeof determina, id, progettoId);
    const column = DOC_COLUMNS[kind];
    const docs = column ? tx.select().from(documento).where(eq(column, id)).all() : [];
    for (const d of docs) auditedDelete(tx, actor, "documento", documento, d.id);
    auditedDelete(tx, actor, ENTITIES[kind], table, id);
    return docs.map((d) => d.sha256);
  });
  removeUnreferencedFiles(db, filesDir, hashes);
}

/**
 * Renames a progetto; two progetti of one comune never share a title, since the public
 * page lists them by it.
 */
export function saveTitle(db: Db, actor: Actor, progettoId: number, title: string): void {
  db.transaction((tx) => {
    const clash = tx
      .select({ id: progetto.id })
      .from(progetto)
      .where(
        and(
          eq(progetto.title, title),
          ne(progetto.id, progettoId),
          eq(progetto.comuneId, sql`(select comune_id from progetto where id = ${progettoId})`),
        ),
      )
      .get();
    if (clash)
      throw new StepRejected({ title: "Un altro progetto del comune ha già questo titolo" });
    auditedUpdate(tx, actor, "progetto", progetto, progettoId, { title });
  });
}
