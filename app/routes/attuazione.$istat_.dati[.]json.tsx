import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAttuazioneComune } from "~/features/attuazione/attuazione.server";
import { openDataResponse } from "~/infra/public-cache.server";

/** The comune's page as JSON: amounts in cents, ISO dates. */
export function loader({ params, context }: LoaderFunctionArgs) {
  const found = requireAttuazioneComune({ params, context });
  const { comune, progetti, totals, lastUpdated } = found;
  return openDataResponse(
    JSON.stringify({ comune, lastUpdated, totals, progetti }),
    "application/json",
    context.policy.today,
  );
}
