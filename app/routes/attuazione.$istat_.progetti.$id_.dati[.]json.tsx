import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseRecordId } from "~/auth/canonical-path";
import { getDb } from "~/db.server";
import { loadAttuazioneProgetto } from "~/models/attuazione.server";
import { openDataResponse } from "~/server/public-cache.server";
import { today } from "~/today.server";

/** The project page as JSON: the same fields, amounts in cents, ISO dates. */
export function loader({ params }: LoaderFunctionArgs) {
  const found = loadAttuazioneProgetto(
    getDb(),
    params.istat ?? "",
    parseRecordId(params.id) ?? 0,
    today(),
  );
  if (!found) throw new Response("Progetto non trovato", { status: 404 });
  return openDataResponse(JSON.stringify(found), "application/json");
}
