/**
 * iCalendar (RFC 5545) feeds of deadlines. Each deadline is an all-day event whose UID
 * names the progetto and the kind of deadline, never the date: when a deadline moves, the
 * calendar replaces the event instead of adding a second one.
 */
import { addDays, type IsoDate } from "../../domain/dates";
import {
  DEADLINE_LABELS,
  type Deadline,
  type DeadlineStatus,
  describeStatus,
} from "../../domain/deadlines";
import { formatDate } from "../../domain/format";

export interface CalendarDeadline {
  progettoId: number;
  /** The measure's code, "1.4.1", "1.2", ... */
  misura: string;
  comune: string;
  cup: string | null;
  deadline: Deadline;
  status: DeadlineStatus;
}

const DOMAIN = "cruscotto-pnrr";

export function deadlineUid(progettoId: number, kind: Deadline["kind"]): string {
  return `scadenza-${kind}-progetto-${progettoId}@${DOMAIN}`;
}

export function icalendar(options: {
  name: string;
  deadlines: readonly CalendarDeadline[];
  /** When the feed was made, as an ISO timestamp. */
  generatedAt: string;
  baseUrl: string;
  /** Days before each open deadline when calendar apps alarm (CRUSCOTTO_REMINDER_DAYS). */
  reminderDays?: readonly number[];
}): string {
  const stamp = options.generatedAt.replace(/[-:]/g, "").replace(/\.\d+/, "");
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:-//${DOMAIN}//Scadenze PNRR//IT`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${text(options.name)}`,
    "X-WR-TIMEZONE:Europe/Rome",
  ];
  for (const d of options.deadlines) {
    const label = DEADLINE_LABELS[d.deadline.kind];
    const details = [
      `${label} entro il ${formatDate(d.deadline.due)}${d.deadline.projected ? " (stimata)" : ""}`,
      d.deadline.extended
        ? `Prorogata: la scadenza originaria era il ${formatDate(d.deadline.originalDue)}`
        : null,
      d.deadline.reopened ? "Riaperta con rimessione in termini" : null,
      d.deadline.capped ? "Limitata alla data ultima fissata per l'avviso" : null,
      `Stato: ${describeStatus(d.status)}`,
      d.cup ? `CUP ${d.cup}` : null,
    ].filter((l): l is string => l !== null);
    const alarms =
      d.deadline.metOn === null
        ? (options.reminderDays ?? []).map((days) => alarm(days, `${label}, Comune di ${d.comune}`))
        : [];
    lines.push(
      "BEGIN:VEVENT",
      `UID:${deadlineUid(d.progettoId, d.deadline.kind)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(d.deadline.due)}`,
      `DTEND;VALUE=DATE:${compact(addDays(d.deadline.due, 1))}`,
      `SUMMARY:${text(`PNRR ${d.misura} – ${label}: Comune di ${d.comune}`)}`,
      `DESCRIPTION:${text(details.join("\n"))}`,
      `URL:${options.baseUrl}/progetti/${d.progettoId}`,
      "TRANSP:TRANSPARENT",
      ...alarms.flat(),
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(fold).join("\r\n")}\r\n`;
}

const compact = (date: IsoDate) => date.replaceAll("-", "");

/** A reminder `days` before the (all-day) event's start: the same days as the e-mails. */
function alarm(days: number, what: string): string[] {
  const when = days === 0 ? "Oggi" : days === 1 ? "Domani" : `Tra ${days} giorni`;
  return [
    "BEGIN:VALARM",
    "ACTION:DISPLAY",
    `DESCRIPTION:${text(`${when}: ${what}`)}`,
    `TRIGGER:${days === 0 ? "PT0S" : `-P${days}D`}`,
    "END:VALARM",
  ];
}

/** TEXT values escape backslash, semicolon, comma and newlines. */
function text(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r?\n/g, "\\n");
}

const encoder = new TextEncoder();

/** Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1). */
export function fold(line: string): string {
  const parts: string[] = [];
  let current = "";
  let size = 0;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (size + bytes > limit) {
      parts.push(current);
      current = "";
      size = 0;
    }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join("\r\n ");
}
