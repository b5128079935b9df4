/**
 * A form refused because its session expired or its account may not send it: what was typed
 * travels, as hidden fields, through the sign-in page and back to the original action, so
 * nothing is lost. Files cannot be kept (a browser never lets a page refill a file input)
 * and passwords never are: only their field names are remembered, to ask for them again.
 */

export interface KeptForm {
  /** The path (and query) the form was posted to; checked as one of ours before use. */
  action: string;
  multipart: boolean;
  /** Name and value of each text field, in order; repeated names stay repeated. */
  fields: [string, string][];
  /** Names of the file fields, to be chosen again. */
  files: string[];
}

/** The hidden fields' names on the sign-in page: apart from its own email and password. */
const PREFIX = "modulo:";
const ACTION = "modulo-azione";
const MULTIPART = "modulo-multipart";
const FILE = "modulo-file";

/** Fields never kept: passwords (whatever the form calls them). */
export function isSecretField(name: string): boolean {
  return /pass|parola|segreto|secret|token/i.test(name);
}

/** Keeps what can be kept of a posted form, dropping secrets. */
export function keepFields(entries: Iterable<[string, string]>): [string, string][] {
  return [...entries].filter(([name]) => !isSecretField(name));
}

/** The kept form as the sign-in form's hidden fields. */
export function keptAsHidden(kept: KeptForm): [string, string][] {
  return [
    [ACTION, kept.action],
    ...(kept.multipart ? ([[MULTIPART, "1"]] as [string, string][]) : []),
    ...kept.files.map((name): [string, string] => [FILE, name]),
    ...kept.fields.map(([name, value]): [string, string] => [PREFIX + name, value]),
  ];
}

/** The kept form back from the sign-in form's post; null when it carried none. */
export function keptFromSignIn(form: Iterable<[string, FormDataEntryValue]>): KeptForm | null {
  let action: string | null = null;
  let multipart = false;
  const fields: [string, string][] = [];
  const files: string[] = [];
  for (const [name, value] of form) {
    if (typeof value !== "string") continue;
    if (name === ACTION) action = value;
    else if (name === MULTIPART) multipart = value === "1";
    else if (name === FILE) files.push(value);
    else if (name.startsWith(PREFIX)) fields.push([name.slice(PREFIX.length), value]);
  }
  if (action === null) return null;
  return { action, multipart, fields: keepFields(fields), files };
}
