import { DEADLINE_LABELS, describeStatus } from "~/domain/deadlines";
import { formatDate } from "~/domain/format";
import type { ProgettoAssessment } from "~/domain/progetto";

/** The next deadline as words and date, never colour alone. */
export function DeadlineCell({ assessment }: { assessment: ProgettoAssessment }) {
  const { next, deadlines, phase } = assessment;
  if (next === null) {
    // Funded but the notification date is missing: the clock cannot start without it.
    const waitingForNotification = deadlines.contract === null && phase === "finanziato";
    return (
      <span className="muted">
        {waitingForNotification ? "Data di notifica del decreto da inserire" : "Nessuna"}
      </span>
    );
  }
  const { deadline, status } = next;
  return (
    <>
      {DEADLINE_LABELS[deadline.kind]} entro il{" "}
      <time dateTime={deadline.due}>{formatDate(deadline.due)}</time>
      {deadline.projected ? " (stimata)" : ""}
      {deadline.extended ? ` (prorogata; originaria ${formatDate(deadline.originalDue)})` : ""}
      <br />
      <span className={`status-${status.kind}`}>{describeStatus(status)}</span>
    </>
  );
}
