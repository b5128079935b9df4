import type { LoaderFunctionArgs } from "@remix-run/node";
import { signedIn } from "~/auth/authorize.server";
import { SCADENZE_HEADER, scadenzaRow } from "~/features/deadlines/open-deadlines";
import { scadenzeChunks } from "~/features/deadlines/open-deadlines.server";
import { toCsv } from "~/infra/csv";

/**
 * The Scadenze page as a CSV that opens in Italian Excel (";" and a BOM): every open
 * deadline of the filters, streamed a thousand at a time, so a national list never sits
 * whole in memory nor holds the server for one long step.
 */
export function loader({ context, request }: LoaderFunctionArgs) {
  const user = signedIn({ context, request });
  const chunks = scadenzeChunks({ ...context, user }, new URL(request.url).searchParams);
  const encoder = new TextEncoder();
  let first = true;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.next();
      const rows = next.done ? [] : next.value.map(scadenzaRow);
      if (first || rows.length > 0) {
        const csv = toCsv(first ? [[...SCADENZE_HEADER], ...rows] : rows, { excelItalian: true });
        // The BOM opens the file, once.
        controller.enqueue(encoder.encode(first ? csv : csv.replace(/^\uFEFF/, "")));
        first = false;
      }
      if (next.done) controller.close();
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="scadenze-${context.policy.today}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
