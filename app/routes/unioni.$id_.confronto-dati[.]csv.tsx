import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { readConfig } from "~/config.server";
import { getDb } from "~/db.server";
import { toCsv } from "~/domain/csv";
import { comparisonTable } from "~/domain/unione-export";
import { loadUnioneComparison } from "~/models/unione-view.server";
import { today } from "~/today.server";

/** The comparison for programs: "," separator, no BOM, decimal point, ISO dates, codes. */
export function loader({ context, params, request }: LoaderFunctionArgs) {
  requireUser(context.user, request);
  const found = loadUnioneComparison(getDb(), Number(params.id), today(), readConfig().atRiskDays);
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
