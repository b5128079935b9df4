import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db.server";
import { loadAttuazioneComune } from "~/models/attuazione.server";
import { openDataResponse } from "~/server/public-cache.server";
import { today } from "~/today.server";

/** The comune's page as JSON: amounts in cents, ISO dates. */
export function loader({ params }: LoaderFunctionArgs) {
  const found = loadAttuazioneComune(getDb(), params.istat ?? "", today());
  if (!found) throw new Response("Comune non trovato", { status: 404 });
  const { comune, progetti, lastUpdated } = found;
  return openDataResponse(JSON.stringify({ comune, lastUpdated, progetti }), "application/json");
}
