import { eq } from "drizzle-orm";
import { comune } from "../../db/schema";
import { readConfig } from "../config.server";
import { getDb } from "../db.server";
import { deadlineStatus } from "../domain/deadlines";
import { type CalendarDeadline, icalendar } from "../domain/icalendar";
import { isClosed } from "../domain/phase";
import { today } from "../today.server";
import { listProgettoSummaries } from "./progetti.server";

/** The deadlines of a comune's or an Unione's progetti still running, as an .ics feed. */
export function deadlineFeed(
  scope: { comuneId: number } | { unioneId: number },
  name: string,
  baseUrl: string,
): string {
  const day = today();
  const { atRiskDays } = readConfig();
  const filter =
    "comuneId" in scope ? eq(comune.id, scope.comuneId) : eq(comune.unioneId, scope.unioneId);
  const deadlines: CalendarDeadline[] = listProgettoSummaries(
    getDb(),
    day,
    atRiskDays,
    filter,
  ).flatMap((p) =>
    isClosed(p.assessment.phase)
      ? []
      : [p.assessment.deadlines.contract, p.assessment.deadlines.completion].flatMap((d) =>
          d === null
            ? []
            : [
                {
                  progettoId: p.id,
                  comune: p.comune,
                  cup: p.cup,
                  deadline: d,
                  status: deadlineStatus(d, day, atRiskDays),
                },
              ],
        ),
  );
  return icalendar({ name, deadlines, generatedAt: new Date().toISOString(), baseUrl });
}

export function calendarResponse(body: string, fileName: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `inline; filename="${fileName}"`,
      "Cache-Control": "private, max-age=300",
    },
  });
}
