import { eq } from "drizzle-orm";
import type { Db } from "../../../db/connection";
import { comune } from "../../../db/schema";
import { isClosed } from "../../domain/phase";
import type { Policy } from "../../domain/policy";
import type { Config } from "../../infra/config.server";
import { loadAssessedProgetti } from "../../models/progetti.server";
import { type CalendarDeadline, icalendar } from "./icalendar";

/** The deadlines of a comune's or an Unione's progetti still running, as an .ics feed. */
export function deadlineFeed(
  { db, policy, config }: { db: Db; policy: Policy; config: Pick<Config, "reminderDays"> },
  scope: { comuneId: number } | { unioneId: number },
  name: string,
  baseUrl: string,
): string {
  const filter =
    "comuneId" in scope ? eq(comune.id, scope.comuneId) : eq(comune.unioneId, scope.unioneId);
  const deadlines: CalendarDeadline[] = loadAssessedProgetti(db, policy, filter).flatMap((p) =>
    isClosed(p.assessment.phase)
      ? []
      : (["contract", "completion"] as const).flatMap((kind) => {
          const deadline = p.assessment.deadlines[kind];
          const status = p.assessment.statuses[kind];
          return deadline === null || status === null
            ? []
            : [
                {
                  progettoId: p.progetto.id,
                  misura: p.progetto.misura,
                  comune: p.comune.name,
                  cup: p.progetto.cup,
                  deadline,
                  status,
                },
              ];
        }),
  );
  return icalendar({
    name,
    deadlines,
    generatedAt: new Date().toISOString(),
    baseUrl,
    reminderDays: config.reminderDays,
  });
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
