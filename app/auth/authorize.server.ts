/**
 * Authorization on the record: every loader and action asks here about the record it
 * actually loads or writes, whatever the URL looked like. The request guard stays the
 * first line (CSRF, sign-in, canonical paths); this is the line that cannot be walked
 * around by another spelling of the URL, because it reads the record's own comune.
 */
import type { AppLoadContext } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getComune, getUnione } from "../models/comuni.server";
import { getDocumento } from "../models/documenti.server";
import { loadProgettoRecord } from "../models/progetto-record.server";
import { canAccessUnione, canRead, canWrite, type Scope, type SessionUser } from "./access";
import { parseRecordId } from "./canonical-path";

export type AccessMode = "read" | "write";

/** What every loader and action receives from Remix. */
export interface RouteArgs {
  context: AppLoadContext;
  request: Request;
  params: Record<string, string | undefined>;
}

const forbidden = () =>
  new Response("Il tuo account non ha i permessi per questa operazione.", {
    status: 403,
    statusText: "Accesso negato",
  });
const notFound = (what: string) =>
  new Response(`${what} non trovato`, { status: 404, statusText: "Non trovato" });

/** The signed-in user, or off to the sign-in page (and back here afterwards). */
export function signedIn({ context, request }: Pick<RouteArgs, "context" | "request">) {
  const user = context.user;
  if (user) return user;
  const url = new URL(request.url);
  throw redirect(`/accedi?ritorno=${encodeURIComponent(url.pathname + url.search)}`);
}

/** User administration, imports and other acts reserved to administrators. */
export function adminOnly(args: Pick<RouteArgs, "context" | "request">): SessionUser {
  const user = signedIn(args);
  if (user.role !== "admin") throw forbidden();
  return user;
}

/** A record id from the URL, as the guard accepts it; any other spelling is a 404. */
export function recordIdParam(value: string | undefined, what: string): number {
  const id = parseRecordId(value);
  if (id === null) throw notFound(what);
  return id;
}

const scopeOf = (comune: { id: number; unioneId: number | null }): Scope => ({
  comuneId: comune.id,
  unioneId: comune.unioneId,
});

function allowScope(user: SessionUser, scope: Scope, mode: AccessMode): void {
  if (!(mode === "write" ? canWrite : canRead)(user, scope)) throw forbidden();
}

/** A comune's reserved pages: the comune named by `params.id`. */
export function authorizeComune(args: RouteArgs, mode: AccessMode) {
  const user = signedIn(args);
  const comune = getComune(args.context.db, recordIdParam(args.params.id, "Comune"));
  if (!comune) throw notFound("Comune");
  allowScope(user, scopeOf(comune), mode);
  return { user, comune, editable: canWrite(user, scopeOf(comune)) };
}

/** A progetto's whole record (`params.id`), checked against the comune it belongs to. */
export function authorizeProgetto(args: RouteArgs, mode: AccessMode) {
  const user = signedIn(args);
  const { db, policy } = args.context;
  const record = loadProgettoRecord(db, recordIdParam(args.params.id, "Progetto"), policy);
  if (!record) throw notFound("Progetto");
  allowScope(user, scopeOf(record.comune), mode);
  return { user, record, editable: canWrite(user, scopeOf(record.comune)) };
}

/** A document of a progetto (`params.id`, `params.documentoId`), checked on its progetto. */
export function authorizeDocumento(args: RouteArgs, mode: AccessMode) {
  const { user, record } = authorizeProgetto(args, mode);
  const documento = getDocumento(
    args.context.db,
    record.progetto.id,
    recordIdParam(args.params.documentoId, "Documento"),
  );
  if (!documento) throw notFound("Documento");
  return { user, record, documento };
}

/** An Unione's pages (`params.id`): its coordinatore and the administrators. */
export function authorizeUnione(args: RouteArgs): { user: SessionUser; unioneId: number } {
  const user = signedIn(args);
  const unioneId = recordIdParam(args.params.id, "Unione");
  if (!canAccessUnione(user, unioneId)) throw forbidden();
  if (!getUnione(args.context.db, unioneId)) throw notFound("Unione");
  return { user, unioneId };
}
