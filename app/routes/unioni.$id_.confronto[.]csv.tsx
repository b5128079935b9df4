import type { LoaderFunctionArgs } from "@remix-run/node";
import { authorizeUnione } from "~/auth/authorize.server";
import { comparisonTable } from "~/features/unione/unione-export";
import { loadUnioneComparison } from "~/features/unione/unione-view.server";
import { excelCsvResponse } from "~/infra/http.server";

/** The comparison for Italian Excel: ";" separator, UTF-8 BOM, decimal comma, a totals row. */
export function loader(args: LoaderFunctionArgs) {
  const { context } = args;
  const { unioneId } = authorizeUnione(args);
  const found = loadUnioneComparison(context.db, unioneId, context.policy);
  if (!found) throw new Response("Unione non trovata", { status: 404 });
  return excelCsvResponse(
    comparisonTable(found.rows, found.totals, "excel"),
    `confronto-unione-${found.unione.id}.csv`,
  );
}
