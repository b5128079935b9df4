/** The reminder e-mails' text, in Italian: plain text, dates as dd/mm/yyyy. */
import type { IsoDate } from "../../domain/dates";
import { describeStatus } from "../../domain/deadlines";
import { formatDate } from "../../domain/format";
import type { OpenDeadline } from "../deadlines/open-deadlines";

export interface Mail {
  subject: string;
  text: string;
}

const SIGNATURE = "Cruscotto PNRR";

function countdown(daysLeft: number): string {
  if (daysLeft === 0) return "La scadenza è oggi.";
  if (daysLeft === 1) return "Manca 1 giorno alla scadenza.";
  return `Mancano ${daysLeft} giorni alla scadenza.`;
}

/** [30, 7, 1] → "30, 7 e 1" */
function list(days: readonly number[]): string {
  const words = days.map(String);
  return words.length <= 1
    ? (words[0] ?? "")
    : `${words.slice(0, -1).join(", ")} e ${words[words.length - 1]}`;
}

const progettoUrl = (publicUrl: string, id: number) => `${publicUrl}/progetti/${id}`;

/** One deadline, to each editor of the progetto's comune. */
export function deadlineReminderMail(input: {
  recipientName: string;
  row: OpenDeadline;
  misura: string;
  today: IsoDate;
  daysLeft: number;
  reminderDays: readonly number[];
  publicUrl: string;
}): Mail {
  const { row, daysLeft } = input;
  const { deadline } = row;
  const due = formatDate(deadline.due);
  const lines = [
    `Gentile ${input.recipientName},`,
    "",
    countdown(daysLeft),
    "",
    `${row.label} entro il ${due}${deadline.projected ? " (data stimata)" : ""}`,
    `Progetto PNRR Misura ${input.misura} – Comune di ${row.comune}${row.cup ? ` (CUP ${row.cup})` : ""}`,
    deadline.extended
      ? `Prorogata: la scadenza originaria era il ${formatDate(deadline.originalDue)}`
      : null,
    deadline.reopened ? "Riaperta con rimessione in termini" : null,
    deadline.capped ? "Limitata alla data ultima fissata per l'avviso" : null,
    "",
    `Il progetto: ${progettoUrl(input.publicUrl, row.progettoId)}`,
    "",
    "-- ",
    `${SIGNATURE}, ${formatDate(input.today)}.`,
    `I promemoria arrivano a chi modifica i progetti del Comune di ${row.comune}: ${list(input.reminderDays)} giorni prima di ogni scadenza.`,
  ];
  return {
    subject: `Promemoria PNRR: ${row.label} entro il ${due} – Comune di ${row.comune}`,
    text: lines.filter((l): l is string => l !== null).join("\n"),
  };
}

/** An Unione's open deadlines, soonest first, to its coordinators once a week. */
export function weeklyDigestMail(input: {
  recipientName: string;
  unione: { id: number; name: string };
  rows: readonly OpenDeadline[];
  today: IsoDate;
  publicUrl: string;
}): Mail {
  const overdue = input.rows.filter((r) => r.status.kind === "overdue").length;
  const count = `${input.rows.length} ${input.rows.length === 1 ? "scadenza aperta" : "scadenze aperte"}`;
  const late = overdue === 0 ? "" : `, ${overdue} ${overdue === 1 ? "scaduta" : "scadute"}`;
  const lines = [
    `Gentile ${input.recipientName},`,
    "",
    `ecco le scadenze ancora aperte dei progetti PNRR (${input.unione.name}) al ${formatDate(input.today)}, dalla più vicina:`,
    "",
    ...input.rows.flatMap((r) => [
      `${formatDate(r.deadline.due)} – Comune di ${r.comune} – ${r.label} – ${describeStatus(r.status)}${r.deadline.projected ? " – data stimata" : ""}`,
      `  ${progettoUrl(input.publicUrl, r.progettoId)}`,
    ]),
    "",
    `L'Unione: ${input.publicUrl}/unioni/${input.unione.id}`,
    "",
    "-- ",
    `${SIGNATURE}. Il riepilogo arriva ogni settimana ai coordinatori dell'Unione.`,
  ];
  return {
    subject: `Riepilogo settimanale PNRR – ${input.unione.name}: ${count}${late}`,
    text: lines.join("\n"),
  };
}
