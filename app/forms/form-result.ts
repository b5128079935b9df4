/**
 * The one shape every form action answers with, and what the form shows from it: the
 * errors per field (`_form` for the whole form), what the user typed (after an error, so
 * nothing typed is lost) and a message to confirm a save.
 */
export type FormValues = Record<string, string | string[]>;

export interface FormResult {
  ok: boolean;
  errors: Record<string, string>;
  values: FormValues | null;
  message: string | null;
}

export function formFailed(errors: Record<string, string>, values: FormValues | null = null) {
  return { ok: false, errors, values, message: null } satisfies FormResult;
}

export function formSaved(message: string | null = null, values: FormValues | null = null) {
  return { ok: true, errors: {} as Record<string, string>, values, message } satisfies FormResult;
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
