import type { LoaderFunctionArgs } from "@remix-run/node";
import { canRead } from "~/auth/access";
import { userFromCalendarKey } from "~/auth/calendar-key.server";
import { parseRecordId } from "~/auth/canonical-path";
import { calendarResponse, deadlineFeed } from "~/features/deadlines/calendar.server";
import { getComune } from "~/models/comuni.server";

/** A comune's deadlines for calendar apps, behind the user's secret key. */
export function loader({ params, context }: LoaderFunctionArgs) {
  const user = userFromCalendarKey(params.key ?? "");
  const comune = getComune(context.db, parseRecordId(params.id) ?? 0);
  if (!user || !comune || !canRead(user, { comuneId: comune.id, unioneId: comune.unioneId })) {
    throw new Response("Calendario non trovato", { status: 404 });
  }
  const body = deadlineFeed(
    context,
    { comuneId: comune.id },
    `Scadenze PNRR – Comune di ${comune.name}`,
    context.config.publicUrl,
  );
  return calendarResponse(body, `scadenze-${comune.codiceIstat}.ics`);
}
