import { describe, expect, it } from "vitest";
import type { OpenDeadline } from "~/features/deadlines/open-deadlines";
import { deadlineReminderMail, weeklyDigestMail } from "~/features/reminders/messages";
import { reminderThreshold, weekOf } from "~/features/reminders/schedule";

const DAYS = [30, 7, 1];

describe("which reminder a deadline is due", () => {
  it("is the nearest configured day not yet passed, so a missed night sends one, not several", () => {
    expect(reminderThreshold(31, DAYS)).toBeNull();
    expect(reminderThreshold(30, DAYS)).toBe(30);
    expect(reminderThreshold(8, DAYS)).toBe(30);
    expect(reminderThreshold(7, DAYS)).toBe(7);
    // The night of day 7 was missed: day 5 still sends the 7-day reminder, once.
    expect(reminderThreshold(5, DAYS)).toBe(7);
    expect(reminderThreshold(1, DAYS)).toBe(1);
    expect(reminderThreshold(0, DAYS)).toBe(1);
    // Overdue deadlines get no reminder (the coordinators' digest lists them).
    expect(reminderThreshold(-1, DAYS)).toBeNull();
    expect(reminderThreshold(3, [])).toBeNull();
    expect(reminderThreshold(3, [1, 7])).toBe(7);
  });

  it("digests once a week, the week starting on Monday", () => {
    expect(weekOf("2026-11-30")).toBe("2026-11-30");
    expect(weekOf("2026-12-05")).toBe("2026-11-30");
    expect(weekOf("2026-12-06")).toBe("2026-11-30");
    expect(weekOf("2026-12-07")).toBe("2026-12-07");
    expect(weekOf("2027-01-01")).toBe("2026-12-28");
  });
});

const row = (due: string, daysLeft: number, extra: Partial<OpenDeadline> = {}): OpenDeadline => ({
  progettoId: 12,
  comuneId: 3,
  comune: "Castel Prova",
  unioneId: 1,
  unione: "Unione Prova",
  cup: "J11F22001230006",
  deadline: {
    kind: "contract",
    originalDue: "2026-11-12",
    due,
    extended: true,
    capped: false,
    reopened: false,
    projected: false,
    metOn: null,
  },
  label: "Contrattualizzazione fornitore",
  status:
    daysLeft < 0 ? { kind: "overdue", daysOverdue: -daysLeft } : { kind: "at-risk", daysLeft },
  ...extra,
});

describe("the reminder's text", () => {
  const mail = (daysLeft: number) =>
    deadlineReminderMail({
      recipientName: "Maria Rossi",
      row: row("2026-12-12", daysLeft),
      misura: "1.4.1",
      today: "2026-12-05",
      daysLeft,
      reminderDays: DAYS,
      publicUrl: "https://cruscotto.example",
    });

  it("says in Italian what is due, by when, in how many days, and links the progetto", () => {
    const { subject, text } = mail(7);
    expect(subject).toBe(
      "Promemoria PNRR: Contrattualizzazione fornitore entro il 12/12/2026 – Comune di Castel Prova",
    );
    expect(text).toContain("Gentile Maria Rossi,");
    expect(text).toContain("Mancano 7 giorni alla scadenza.");
    expect(text).toContain("Contrattualizzazione fornitore entro il 12/12/2026");
    expect(text).toContain("Prorogata: la scadenza originaria era il 12/11/2026");
    expect(text).toContain(
      "Progetto PNRR Misura 1.4.1 – Comune di Castel Prova (CUP J11F22001230006)",
    );
    expect(text).toContain("https://cruscotto.example/progetti/12");
    expect(text).toContain("30, 7 e 1 giorni prima");
  });

  it("counts the days as a reader says them", () => {
    expect(mail(1).text).toContain("Manca 1 giorno alla scadenza.");
    expect(mail(0).text).toContain("La scadenza è oggi.");
  });

  it("digests an Unione's open deadlines, soonest first, with their status and link", () => {
    const { subject, text } = weeklyDigestMail({
      recipientName: "Coordinatore",
      unione: { id: 1, name: "Unione Prova" },
      rows: [row("2026-12-01", -4), row("2026-12-12", 7, { progettoId: 13, comune: "Borgo" })],
      today: "2026-12-05",
      publicUrl: "https://cruscotto.example",
    });
    expect(subject).toBe("Riepilogo settimanale PNRR – Unione Prova: 2 scadenze aperte, 1 scaduta");
    const lines = text.split("\n");
    const first = lines.findIndex((l) => l.startsWith("01/12/2026"));
    expect(lines[first]).toBe(
      "01/12/2026 – Comune di Castel Prova – Contrattualizzazione fornitore – Scaduta da 4 giorni",
    );
    expect(lines[first + 1]).toBe("  https://cruscotto.example/progetti/12");
    expect(text).toContain(
      "12/12/2026 – Comune di Borgo – Contrattualizzazione fornitore – A rischio (7 giorni rimasti)",
    );
    expect(text).toContain("https://cruscotto.example/unioni/1");
    expect(text).toContain("05/12/2026");
  });
});
