import type { LoaderFunctionArgs } from "@remix-run/node";
import { authorizeUnione } from "~/auth/authorize.server";
import { comparisonTable } from "~/features/unione/unione-export";
import { loadUnioneComparison } from "~/features/unione/unione-view.server";
import { toCsv } from "~/infra/csv";

/** The comparison for programs: "," separator, no BOM, decimal point, ISO dates, codes. */
export function loader(args: LoaderFunctionArgs) {
  const { context } = args;
  const { unioneId } = authorizeUnione(args);
  const found = loadUnioneComparison(context.db, unioneId, context.policy);
  if (!found) throw new Response("Unione non trovata", { status: 404 });
  return new Response(
    toCsv(comparisonTable(found.rows, found.totals, "plain"), { excelItalian: false }),
    {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="confronto-unione-${found.unione.id}-dati.csv"`,
        "Cache-Control": "private, no-store",
      },
    },
  );
}
