import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { toCsv } from "~/domain/csv";
import { SCADENZE_HEADER, scadenzaRow } from "~/domain/scadenze";
import { loadScadenze } from "~/models/scadenze.server";

/** The Scadenze page as a CSV that opens in Italian Excel (";" and a BOM). */
export function loader({ context, request }: LoaderFunctionArgs) {
  const user = requireUser(context.user, request);
  const { rows, today } = loadScadenze(user, new URL(request.url).searchParams);
  return new Response(
    toCsv([[...SCADENZE_HEADER], ...rows.map(scadenzaRow)], { excelItalian: true }),
    {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="scadenze-${today}.csv"`,
        "Cache-Control": "private, no-store",
      },
    },
  );
}
