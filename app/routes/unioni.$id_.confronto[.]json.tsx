import type { LoaderFunctionArgs } from "@remix-run/node";
import { authorizeUnione } from "~/auth/authorize.server";
import { comparisonJson } from "~/features/unione/unione-export";
import { loadUnioneComparison } from "~/features/unione/unione-view.server";

export function loader(args: LoaderFunctionArgs) {
  const { context } = args;
  const { unioneId } = authorizeUnione(args);
  const day = context.policy.today;
  const found = loadUnioneComparison(context.db, unioneId, context.policy);
  if (!found) throw new Response("Unione non trovata", { status: 404 });
  return Response.json(
    comparisonJson({ id: found.unione.id, name: found.unione.name }, day, found.rows, found.totals),
    { headers: { "Cache-Control": "private, no-store" } },
  );
}
