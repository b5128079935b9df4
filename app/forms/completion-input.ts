/**
 * The completion form: the site and every service in force online, the checklist sent and
 * the request to complete, each with its date, in one submission. An empty date means "not
 * yet": nothing is recorded.
 */
import { optionalDate } from "./step-inputs";

export interface CompletionInput {
  siteOnlineOn: string | null;
  checklistSubmittedOn: string | null;
  /** The first request to complete; a later one (after a partly positive outcome) is its own step. */
  completionRequestedOn: string | null;
  services: { servizioId: number; onlineOn: string | null }[];
}

/** The field of a service's date: "servizio-21". */
export const serviceField = (servizioId: number) => `servizio-${servizioId}`;
export const SITE_FIELD = "sitoOnline";
export const CHECKLIST_FIELD = "checklistInviata";
export const REQUEST_FIELD = "richiestaCompletamento";

/** Reads the posted dates of the services in force; other services' fields are ignored. */
export function parseCompletion(
  fields: Record<string, string | string[]>,
  services: readonly number[],
): { ok: true; value: CompletionInput } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const read = (name: string): string | null => {
    const raw = fields[name];
    const parsed = optionalDate.safeParse(typeof raw === "string" ? raw : "");
    if (parsed.success) return parsed.data;
    errors[name] = parsed.error.issues[0]?.message ?? "Inserire una data valida";
    return null;
  };
  const value: CompletionInput = {
    siteOnlineOn: read(SITE_FIELD),
    checklistSubmittedOn: read(CHECKLIST_FIELD),
    completionRequestedOn: read(REQUEST_FIELD),
    services: services.map((servizioId) => ({
      servizioId,
      onlineOn: read(serviceField(servizioId)),
    })),
  };
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value };
}
