import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAttuazioneProgetto } from "~/features/attuazione/attuazione.server";
import { openDataResponse } from "~/infra/public-cache.server";

/** The project page as JSON: the same fields, amounts in cents, ISO dates. */
export function loader({ params, context }: LoaderFunctionArgs) {
  const found = requireAttuazioneProgetto({ params, context });
  return openDataResponse(JSON.stringify(found), "application/json", context.policy.today);
}
