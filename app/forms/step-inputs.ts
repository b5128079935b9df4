/**
 * Form inputs of a progetto's steps, validated with zod into domain values. Messages are in
 * Italian and keyed by field, so forms can show them next to the field.
 */
import { z } from "zod";
import { isIsoDate } from "../domain/dates";
import {
  isValidCig,
  isValidCup,
  isValidPartitaIva,
  normalizeCig,
  normalizeCode,
  normalizeCup,
  normalizePartitaIva,
} from "../domain/identifiers";
import { parseEuroInput } from "../domain/money";
import { notificationBeforeDecretoError } from "../domain/step-checks";
import {
  EVENT_FIELDS,
  EVENT_KINDS,
  EVENT_OUTCOMES,
  type EventField,
  type EventKind,
} from "../domain/vocabulary";

const text = (message: string, max = 500) =>
  z
    .string()
    .trim()
    .min(1, { error: message })
    .max(max, { error: `Massimo ${max} caratteri` });
export const optionalText = (max = 2000) =>
  z
    .string()
    .trim()
    .max(max, { error: `Massimo ${max} caratteri` })
    .transform((v) => (v === "" ? null : v));
export const date = (message: string) => z.string().trim().refine(isIsoDate, { error: message });
export const optionalDate = z
  .string()
  .trim()
  .refine((v) => v === "" || isIsoDate(v), { error: "Inserire una data valida" })
  .transform((v) => (v === "" ? null : v));
const optionalAmount = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (v === "") return null;
    const cents = parseEuroInput(v);
    if (cents === null) {
      ctx.addIssue({
        code: "custom",
        message: "Inserire un importo in euro, per esempio 155.234,00",
      });
      return z.NEVER;
    }
    return cents;
  });
const requiredAmount = optionalAmount.refine((v) => v !== null, { error: "Inserire l'importo" });
const serviceIds = z
  .array(z.coerce.number().int().min(1).max(26))
  .transform((ids) => [...new Set(ids)].sort((a, b) => a - b));
const optionalCode = (check: (v: string) => boolean, message: string, normalize = normalizeCode) =>
  z
    .string()
    .transform((v) => normalize(v))
    .refine((v) => v === "" || check(v), { error: message })
    .transform((v) => (v === "" ? null : v));

const after = (earlier: string | null, later: string | null) =>
  earlier === null || later === null || later >= earlier;

export const CandidaturaInput = z.object({
  avvisoId: z.coerce
    .number({ error: "Scegliere l'avviso" })
    .int()
    .positive({ error: "Scegliere l'avviso" }),
  sentOn: date("Inserire la data di invio della candidatura"),
  band: z.coerce.number().int().min(1, { error: "Scegliere la fascia di popolazione" }).max(6),
  servizioIds: serviceIds,
  amountRequested: requiredAmount,
});

export const DecretoInput = z
  .object({
    number: text("Inserire il numero del decreto", 80),
    decreeOn: date("Inserire la data del decreto"),
    notifiedOn: optionalDate,
    amount: optionalAmount,
    cup: z.string().transform(normalizeCup).refine(isValidCup, {
      error:
        "Il CUP non è scritto correttamente: 15 caratteri, una lettera, due cifre, una lettera e 11 cifre, per esempio G51F22003070006",
    }),
  })
  .superRefine((d, ctx) => {
    const message = notificationBeforeDecretoError(d.decreeOn, d.notifiedOn);
    if (message) ctx.addIssue({ code: "custom", path: ["notifiedOn"], message });
  });

export const IstanzaInput = z
  .object({
    kind: z.enum(["sostituzione-servizi", "cronoprogramma", "altro"], {
      error: "Scegliere il tipo di istanza",
    }),
    sentOn: date("Inserire la data di invio dell'istanza"),
    reason: optionalText(),
    removed: serviceIds,
    added: serviceIds,
    deadlineKind: z.enum(["", "contract", "completion"]).transform((v) => (v === "" ? null : v)),
    requestedDeadline: optionalDate,
    grantedDeadline: optionalDate,
    outcome: z.enum(["in-attesa", "accolta", "respinta"], { error: "Scegliere l'esito" }),
    outcomeOn: optionalDate,
  })
  .superRefine((i, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: "custom", path: [path], message });
    if (i.kind === "sostituzione-servizi") {
      if (i.removed.length === 0) issue("removed", "Indicare i servizi da sostituire");
      if (i.added.length === 0) issue("added", "Indicare i servizi nuovi");
      if (i.removed.some((id) => i.added.includes(id)))
        issue("added", "Un servizio non può essere tolto e aggiunto insieme");
    }
    if (i.kind === "cronoprogramma") {
      if (i.deadlineKind === null)
        issue("deadlineKind", "Indicare quale scadenza si chiede di spostare");
      if (i.requestedDeadline === null)
        issue("requestedDeadline", "Indicare la nuova scadenza richiesta");
    }
    if (i.grantedDeadline !== null && (i.kind !== "cronoprogramma" || i.outcome !== "accolta")) {
      issue(
        "grantedDeadline",
        "Una scadenza concessa richiede un'istanza di cronoprogramma accolta",
      );
    }
    if (i.kind === "cronoprogramma" && i.outcome === "accolta" && i.grantedDeadline === null) {
      issue("grantedDeadline", "Indicare la scadenza concessa");
    }
    if (i.outcome !== "in-attesa" && i.outcomeOn === null)
      issue("outcomeOn", "Indicare la data dell'esito");
    if (i.outcome === "in-attesa" && i.outcomeOn !== null)
      issue("outcomeOn", "Un'istanza in attesa non ha data di esito");
    if (!after(i.sentOn, i.outcomeOn))
      issue("outcomeOn", "L'esito non può precedere l'invio dell'istanza");
  })
  .transform((i) => ({
    ...i,
    removed: i.kind === "sostituzione-servizi" ? i.removed : [],
    added: i.kind === "sostituzione-servizi" ? i.added : [],
    deadlineKind: i.kind === "cronoprogramma" ? i.deadlineKind : null,
    requestedDeadline: i.kind === "cronoprogramma" ? i.requestedDeadline : null,
  }));

export const DeterminaInput = z
  .object({
    number: text("Inserire il numero della determina", 80),
    adoptedOn: date("Inserire la data della determina"),
    supplierName: text("Inserire il nome del fornitore", 200),
    supplierVat: optionalCode(
      isValidPartitaIva,
      "Partita IVA non valida: 11 cifre con cifra di controllo corretta",
      normalizePartitaIva,
    ),
    cig: optionalCode(
      isValidCig,
      "Il CIG non è scritto correttamente: 10 caratteri, per esempio 8915724AB3 o ZB12345678 (cifre e lettere da A a F dopo il primo carattere)",
      normalizeCig,
    ),
    amount: optionalAmount,
    contractOn: optionalDate,
  })
  .refine((d) => after(d.adoptedOn, d.contractOn), {
    path: ["contractOn"],
    error: "Il contratto non può precedere la determina",
  });

/** What the form says when a kind's required field is missing. */
const EVENT_REQUIRED: Partial<Record<EventKind, Partial<Record<EventField, string>>>> = {
  "servizio-online": { servizioId: "Indicare quale servizio è online" },
  asseverazione: { outcome: "Indicare l'esito dell'asseverazione" },
  "verifica-formale": { outcome: "Indicare l'esito delle verifiche formali" },
  "richiesta-integrazione": { dueOn: "Indicare il termine entro cui rispondere" },
  erogazione: { amount: "Indicare l'importo erogato" },
  "dichiarazione-mantenimento": { year: "Indicare l'anno a cui si riferisce la dichiarazione" },
  "riutilizzo-economie": {
    reference: "Indicare l'atto che dispone il riutilizzo",
    amount: "Indicare l'importo riutilizzato",
  },
};

/** Fields the form of a kind does not show may be absent from the post. */
const absentAsEmpty = z
  .string()
  .optional()
  .transform((v) => v ?? "");

export const EventoInput = z
  .object({
    kind: z.enum(EVENT_KINDS, { error: "Scegliere l'evento" }),
    occurredOn: date("Inserire la data"),
    servizioId: absentAsEmpty
      .transform((v) => (v === "" ? null : Number(v)))
      .pipe(z.number().int().min(1).max(26).nullable()),
    outcome: absentAsEmpty.pipe(
      z
        .enum(["", ...EVENT_OUTCOMES], { error: "Scegliere un esito dell'elenco" })
        .transform((v) => (v === "" ? null : v)),
    ),
    amount: absentAsEmpty.pipe(optionalAmount),
    reference: absentAsEmpty.pipe(optionalText(200)),
    dueOn: absentAsEmpty.pipe(optionalDate),
    repliedOn: absentAsEmpty.pipe(optionalDate),
    year: absentAsEmpty.pipe(
      z
        .string()
        .trim()
        .refine((v) => v === "" || /^(19|20|21)\d\d$/.test(v), {
          error: "Indicare un anno, per esempio 2026",
        })
        .transform((v) => (v === "" ? null : Number(v))),
    ),
    note: absentAsEmpty.pipe(optionalText()),
  })
  .superRefine((e, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: "custom", path: [path], message });
    const rules = EVENT_FIELDS[e.kind];
    for (const [field, message] of Object.entries(EVENT_REQUIRED[e.kind] ?? {}))
      if (e[field as EventField] === null) issue(field, message);
    if (e.outcome !== null && rules.outcomes && !rules.outcomes.includes(e.outcome))
      issue("outcome", "Esito non previsto per questo passaggio");
    if (e.kind === "controllo-campione" && e.amount !== null && e.outcome !== "negativa")
      issue("amount", "L'importo da restituire si indica solo con esito negativo (revoca)");
    if ((e.kind === "erogazione" || e.kind === "riutilizzo-economie") && e.amount === 0)
      issue("amount", "L'importo deve essere maggiore di zero");
    if (e.kind === "riutilizzo-economie" && e.note === null)
      issue("note", "Indicare la finalità del riutilizzo");
  })
  // The fields a kind does not use are cleared, whatever was posted.
  .transform((e) => {
    const used = EVENT_FIELDS[e.kind].fields;
    const keep = <T>(field: EventField, value: T) => (used.includes(field) ? value : null);
    return {
      ...e,
      servizioId: keep("servizioId", e.servizioId),
      outcome: keep("outcome", e.outcome),
      amount: keep("amount", e.amount),
      reference: keep("reference", e.reference),
      dueOn: keep("dueOn", e.dueOn),
      repliedOn: keep("repliedOn", e.repliedOn),
      year: keep("year", e.year),
    };
  });
