import type { LoaderFunctionArgs } from "@remix-run/node";
import { authorizeUnione } from "~/auth/authorize.server";
import { readConfig } from "~/config.server";
import { getDb } from "~/db.server";
import { comparisonJson } from "~/domain/unione-export";
import { loadUnioneComparison } from "~/models/unione-view.server";
import { today } from "~/today.server";

export function loader(args: LoaderFunctionArgs) {
  const { unioneId } = authorizeUnione(args);
  const day = today();
  const found = loadUnioneComparison(getDb(), unioneId, day, readConfig().atRiskDays);
  if (!found) throw new Response("Unione non trovata", { status: 404 });
  return Response.json(
    comparisonJson({ id: found.unione.id, name: found.unione.name }, day, found.rows, found.totals),
    { headers: { "Cache-Control": "private, no-store" } },
  );
}
