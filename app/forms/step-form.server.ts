import { redirect } from "@remix-run/node";
import type { z } from "zod";
import type { Actor } from "../../db/audit";
import type { Db } from "../../db/connection";
import { type AccessMode, authorizeProgetto, type RouteArgs } from "../auth/authorize.server";
import { parseRecordId } from "../auth/canonical-path";
import { actorOf } from "../models/audited.server";
import type { ProgettoRecord } from "../models/progetto-record.server";
import { deleteStep, NeedsConfirmation, StepRejected } from "../models/steps.server";
import { fieldErrors } from "./field-errors";
import { confirmedOf, formFailed, formToConfirm, withNotice } from "./form-result";

/** What an edit form's action needs of the progetto: where to go back, which version. */
type EditedRecord = Pick<ProgettoRecord, "progetto" | "version">;

/** Form fields as strings, with the repeated ones (checkbox lists) as arrays. */
export function formFields(
  form: FormData,
  lists: readonly string[] = [],
): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  // "conferma": the warnings the user ticked, a list on every form.
  const listed = [...lists, "conferma"];
  for (const key of new Set(form.keys())) {
    fields[key] = listed.includes(key) ? form.getAll(key).map(String) : String(form.get(key) ?? "");
  }
  for (const key of listed) fields[key] ??= [];
  return fields;
}

/**
 * The shared shape of a step form's action: validate with the schema, save, go back to the
 * project page; or give the errors (Italian, per field) and what was typed back to the form.
 */
export async function submitStepForm<S extends z.ZodType>(
  form: FormData,
  options: {
    /** The progetto as loaded now: a form that saw another version is refused. */
    record: EditedRecord;
    schema: S;
    lists?: readonly string[];
    /** `confirmed`: the codes of the warnings the user ticked "Confermo" for. */
    save: (input: z.output<S>, confirmed: readonly string[]) => void;
  },
) {
  const fields = formFields(form, options.lists);
  const conflict = versionConflict(fields.version, options.record.version);
  if (conflict) return formFailed(conflict, fields);
  const parsed = options.schema.safeParse(fields);
  if (!parsed.success) return formFailed(fieldErrors(parsed.error), fields);
  try {
    options.save(parsed.data, confirmedOf(fields));
  } catch (error) {
    if (error instanceof StepRejected) return formFailed(error.errors, fields);
    if (error instanceof NeedsConfirmation) return formToConfirm(error.warnings, fields);
    throw error;
  }
  throw redirect(withNotice(`/progetti/${options.record.progetto.id}`, "salvato"));
}

const CONFLICT_MESSAGE =
  "Nel frattempo un'altra persona ha modificato questo progetto: i tuoi dati non sono stati salvati. Ricarica la pagina per vedere la versione attuale, poi ripeti la modifica.";

/** Two editors saving the same record: the second is told, never silently overwrites. */
export function versionConflict(
  submitted: string | string[] | undefined,
  current: string,
): Record<string, string> | null {
  return typeof submitted === "string" && submitted !== current
    ? { _form: CONFLICT_MESSAGE }
    : null;
}

/** The step a route's param names: null for the word meaning "new", else the step or a 404. */
function findStep<T extends { id: number }>(
  items: readonly T[],
  param: string | undefined,
  newWord: string,
  notFound: string,
): T | null {
  if (param === newWord) return null;
  const id = parseRecordId(param);
  const found = id === null ? undefined : items.find((item) => item.id === id);
  if (!found) throw new Response(notFound, { status: 404 });
  return found;
}

type StepKind = "istanza" | "determina" | "evento" | "proroga";

/** Where each kind of step lives in the record and in the URL. */
const STEP_ROUTES = {
  istanza: {
    list: "istanze",
    param: "istanzaId",
    newWord: "nuova",
    notFound: "Istanza non trovata",
  },
  determina: {
    list: "determine",
    param: "determinaId",
    newWord: "nuova",
    notFound: "Determina non trovata",
  },
  evento: { list: "eventi", param: "eventoId", newWord: "nuovo", notFound: "Evento non trovato" },
  proroga: {
    list: "proroghe",
    param: "prorogaId",
    newWord: "nuova",
    notFound: "Modifica della scadenza non trovata",
  },
} as const;

type StepOf<K extends StepKind> = ProgettoRecord[(typeof STEP_ROUTES)[K]["list"]][number];

/**
 * A step page's record: the progetto (authorized for `mode`) and the step the URL names,
 * null for the word meaning "new", or a 404 for a step of another progetto.
 */
export function authorizeStep<K extends StepKind>(args: RouteArgs, mode: AccessMode, kind: K) {
  const { user, record } = authorizeProgetto(args, mode);
  const route = STEP_ROUTES[kind];
  const items = record[route.list] as readonly StepOf<K>[];
  const step = findStep(items, args.params[route.param], route.newWord, route.notFound);
  return { user, record, step };
}

/** A step page's action: the delete button removes the step and its files; else save. */
export async function stepFormAction<S extends z.ZodType>(
  args: RouteArgs,
  kind: StepKind,
  options: {
    schema: S;
    lists?: readonly string[];
    save: (
      db: Db,
      actor: Actor,
      progettoId: number,
      stepId: number | null,
      input: z.output<S>,
      confirmed: readonly string[],
    ) => void;
  },
) {
  const { db, config } = args.context;
  const { user, record, step } = authorizeStep(args, "write", kind);
  const form = await args.request.formData();
  const actor = actorOf(user);
  const progettoId = record.progetto.id;
  if (form.get("intent") === "delete" && step) {
    deleteStep(db, actor, progettoId, kind, step.id, config.filesDir);
    throw redirect(withNotice(`/progetti/${progettoId}`, "eliminato"));
  }
  return submitStepForm(form, {
    record,
    schema: options.schema,
    lists: options.lists,
    save: (input, confirmed) =>
      options.save(db, actor, progettoId, step?.id ?? null, input, confirmed),
  });
}
