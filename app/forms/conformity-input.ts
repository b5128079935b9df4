/** The conformity form as typed: addresses checked, statuses known, each error in Italian. */
import { type ChecklistItem, type ConformityStatus, itemKey, STATUSES } from "../domain/conformity";

export interface ChecklistInput {
  siteUrl: string | null;
  servicesUrl: string | null;
  testCredentialsSupplied: boolean;
  serviceUrls: Map<number, string>;
  items: Map<string, { status: ConformityStatus; note: string | null; evidenceUrl: string | null }>;
}

/** A typed http(s) address as stored (normalised), null when empty, false when it is not one. */
export function webAddress(value: string): string | null | false {
  const text = value.trim();
  if (text === "") return null;
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : false;
  } catch {
    return false;
  }
}

export function readChecklistInput(
  fields: Record<string, string | string[]>,
  items: readonly ChecklistItem[],
  services: readonly number[],
): { input: ChecklistInput } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const text = (name: string) => {
    const v = fields[name];
    return typeof v === "string" ? v : "";
  };
  const address = (name: string) => {
    const value = webAddress(text(name));
    if (value === false) {
      errors[name] =
        "Inserire un indirizzo web completo, per esempio https://www.comune.esempio.it";
      return null;
    }
    return value;
  };
  const siteUrl = address("siteUrl");
  const servicesUrl = address("servicesUrl");
  const serviceUrls = new Map<number, string>();
  for (const id of services) {
    const value = address(`serviceUrl:${id}`);
    if (value) serviceUrls.set(id, value);
  }
  const parsed = new Map<
    string,
    { status: ConformityStatus; note: string | null; evidenceUrl: string | null }
  >();
  for (const item of items) {
    const key = itemKey(item);
    const status = text(`status:${key}`) || "da-verificare";
    if (!(STATUSES as readonly string[]).includes(status)) {
      errors[`status:${key}`] = "Stato non valido";
      continue;
    }
    parsed.set(key, {
      status: status as ConformityStatus,
      note: text(`note:${key}`).trim() || null,
      evidenceUrl: address(`evidence:${key}`),
    });
  }
  if (Object.keys(errors).length) return { errors };
  return {
    input: {
      siteUrl,
      servicesUrl,
      testCredentialsSupplied: text("testCredentialsSupplied") === "on",
      serviceUrls,
      items: parsed,
    },
  };
}
