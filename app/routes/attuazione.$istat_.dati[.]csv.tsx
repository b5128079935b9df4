import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAttuazioneComune } from "~/features/attuazione/attuazione.server";
import { toCsv } from "~/infra/csv";
import { openDataResponse } from "~/infra/public-cache.server";

/** The comune's progetti as plain CSV (comma, decimal point) for programs. */
export function loader({ params, context }: LoaderFunctionArgs) {
  const found = requireAttuazioneComune({ params, context });
  const rows = [
    ["codice_istat", "comune", "misura", "titolo", "cup", "importo_euro", "stato"],
    ...found.progetti.map((p) => [
      found.comune.istat,
      found.comune.name,
      p.misura,
      p.title,
      p.cup,
      p.amountCents === null ? null : (p.amountCents / 100).toFixed(2),
      p.state,
    ]),
  ];
  return openDataResponse(toCsv(rows, { excelItalian: false }), "text/csv", context.policy.today);
}
