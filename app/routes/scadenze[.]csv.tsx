import type { LoaderFunctionArgs } from "@remix-run/node";
import { signedIn } from "~/auth/authorize.server";
import { SCADENZE_HEADER, scadenzaRow } from "~/features/deadlines/open-deadlines";
import { loadScadenze } from "~/features/deadlines/open-deadlines.server";
import { excelCsvResponse } from "~/infra/http.server";

/** The Scadenze page as a CSV that opens in Italian Excel (";" and a BOM). */
export function loader({ context, request }: LoaderFunctionArgs) {
  const user = signedIn({ context, request });
  const { rows, today } = loadScadenze({ ...context, user }, new URL(request.url).searchParams);
  return excelCsvResponse(
    [[...SCADENZE_HEADER], ...rows.map(scadenzaRow)],
    `scadenze-${today}.csv`,
  );
}
