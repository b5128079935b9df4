/**
 * The one shape every form action answers with, and what the form shows from it: the
 * errors per field (`_form` for the whole form), what the user typed (after an error, so
 * nothing typed is lost) and a message to confirm a save.
 */
import type { StepWarning } from "../domain/step-checks";

export type FormValues = Record<string, string | string[]>;

/** `V`: the typed values of a form whose fields are not all text (the user form). */
export interface FormResult<V = FormValues> {
  ok: boolean;
  errors: Record<string, string>;
  values: V | null;
  message: string | null;
  /** Unusual sequences the user must confirm before the save goes through. */
  warnings?: StepWarning[];
}

/** To confirm: nothing is wrong, but the user must tick "Confermo" and submit again. */
export function formToConfirm(warnings: StepWarning[], values: FormValues): FormResult {
  return { ok: false, errors: {}, values, message: null, warnings };
}

/** The confirmations shown on the page an action redirects to, by query parameter. */
export const NOTICES = {
  salvato: "Salvato.",
  eliminato: "Eliminato.",
} as const;

/** Where an action sends the user after a save or a delete, with its confirmation. */
export function withNotice(path: string, notice: keyof typeof NOTICES): string {
  return `${path}${path.includes("?") ? "&" : "?"}${notice}=1`;
}

/** The warnings the user ticked, as the form posted them. */
export function confirmedOf(values: FormValues | null | undefined): string[] {
  const posted = values?.conferma;
  return posted === undefined ? [] : Array.isArray(posted) ? posted : [posted];
}

export function formFailed<V = FormValues>(
  errors: Record<string, string>,
  values: V | null = null,
): FormResult<V> {
  return { ok: false, errors, values, message: null };
}

export function formSaved<V = FormValues>(
  message: string | null = null,
  values: V | null = null,
): FormResult<V> {
  return { ok: true, errors: {}, values, message };
}

/** What a field shows: what was just typed when the form came back, else what is stored. */
export function formValue(
  result: Pick<FormResult, "values"> | undefined,
  name: string,
  stored?: string | number | null,
): string {
  const typed = result?.values?.[name];
  if (result?.values) return Array.isArray(typed) ? (typed[0] ?? "") : (typed ?? "");
  return stored === null || stored === undefined ? "" : String(stored);
}

/** The props of a labelled field: its name, the value to show and its error. */
export function fieldProps(
  result: Pick<FormResult, "values" | "errors"> | undefined,
  name: string,
  stored?: string | number | null,
) {
  return { name, defaultValue: formValue(result, name, stored), error: result?.errors[name] };
}
