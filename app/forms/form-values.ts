/** What a step form shows: what the user just typed after an error, else what is stored. */
export function formValue(
  submitted: { fields: Record<string, string | string[]> } | undefined,
  name: string,
  stored: string | number | null | undefined,
): string {
  if (submitted) return String(submitted.fields[name] ?? "");
  return stored === null || stored === undefined ? "" : String(stored);
}
