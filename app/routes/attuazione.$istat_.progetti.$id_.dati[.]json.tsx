import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseRecordId } from "~/auth/canonical-path";
import { loadAttuazioneProgetto } from "~/features/attuazione/attuazione.server";
import { openDataResponse } from "~/infra/public-cache.server";

/** The project page as JSON: the same fields, amounts in cents, ISO dates. */
export function loader({ params, context }: LoaderFunctionArgs) {
  const found = loadAttuazioneProgetto(
    context.db,
    params.istat ?? "",
    parseRecordId(params.id) ?? 0,
    context.policy,
  );
  if (!found) throw new Response("Progetto non trovato", { status: 404 });
  return openDataResponse(JSON.stringify(found), "application/json");
}
