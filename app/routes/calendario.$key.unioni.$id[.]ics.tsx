import type { LoaderFunctionArgs } from "@remix-run/node";
import { canAccessUnione } from "~/auth/access";
import { userFromCalendarKey } from "~/auth/calendar-key.server";
import { parseRecordId } from "~/auth/canonical-path";
import { calendarResponse, deadlineFeed } from "~/features/deadlines/calendar.server";
import { getUnione } from "~/models/comuni.server";

/** An Unione's deadlines, for its coordinatore's calendar. */
export function loader({ params, context }: LoaderFunctionArgs) {
  const user = userFromCalendarKey(params.key ?? "");
  const id = parseRecordId(params.id) ?? 0;
  const found = getUnione(context.db, id);
  if (!user || !found || !canAccessUnione(user, id))
    throw new Response("Calendario non trovato", { status: 404 });
  const body = deadlineFeed(
    context,
    { unioneId: id },
    `Scadenze PNRR – ${found.name}`,
    context.config.publicUrl,
  );
  return calendarResponse(body, `scadenze-unione-${id}.ics`);
}
