import { describe, expect, it } from "vitest";
import { RULES_141_DEADLINES } from "~/domain/avviso-rules";
import {
  computeDeadlines,
  type Deadline,
  type DeadlineStatus,
  deadlineStatus as deadlineStatusOf,
} from "~/domain/deadlines";
import { dayNumber, milestoneChart, monthTicks, windowStatus } from "~/domain/milestones";
import type { TimelineEntry } from "~/domain/timeline";

const entry = (key: string, date: string, title: string): TimelineEntry => ({
  key,
  date,
  title,
  details: [],
  ref: null,
});
const smlTimeline = [
  entry("candidatura", "2022-09-24", "Candidatura inviata"),
  entry("decreto:1", "2023-01-03", "Decreto"),
  entry("notifica", "2023-01-23", "Notifica"),
  entry("istanza:1", "2023-05-22", "Istanza"),
  entry("determina:1", "2023-08-23", "Determina n. 922"),
];

describe("the milestone chart of Santa Margherita Ligure", () => {
  const deadlines = computeDeadlines({
    rules: RULES_141_DEADLINES,
    platform: { contract: null, completion: null },
    changes: [],
    small: false,
    notifiedOn: "2023-01-23",
    contractedOn: "2023-08-23",
    concludedOn: null,
    extensions: [],
  });
  const chart = milestoneChart(smlTimeline, deadlines, "2023-01-23", "2023-08-23", {
    today: "2024-01-15",
    atRiskDays: 30,
  });

  it("puts every dated step on the axis, the contract too, none late", () => {
    expect(chart?.milestones.map((m) => [m.date, m.label, m.late])).toEqual([
      ["2022-09-24", "Candidatura inviata", false],
      ["2023-01-03", "Decreto", false],
      ["2023-01-23", "Notifica", false],
      ["2023-05-22", "Istanza", false],
      ["2023-08-23", "Determina n. 922", false],
      ["2023-08-23", "Contratto con il fornitore", false],
    ]);
  });

  it("draws the contract and completion windows", () => {
    expect(chart?.windows).toEqual([
      {
        kind: "contract",
        label: "Finestra per contrattualizzare",
        from: "2023-01-23",
        to: "2023-10-20",
        originalTo: null,
        status: "met",
        statusText: "Rispettata",
      },
      {
        kind: "completion",
        label: "Finestra per completare",
        from: "2023-08-23",
        to: "2024-08-17",
        originalTo: null,
        status: "open",
        statusText: "Aperta (215 giorni rimasti)",
      },
    ]);
  });

  it("spans from before the candidatura to after the completion deadline", () => {
    expect(chart && chart.start < "2022-09-24").toBe(true);
    expect(chart && chart.end > "2024-08-17").toBe(true);
  });
});

describe("late milestones", () => {
  it("mark a determina after the contract deadline", () => {
    const deadlines = computeDeadlines({
      rules: RULES_141_DEADLINES,
      platform: { contract: null, completion: null },
      changes: [],
      small: true,
      notifiedOn: "2023-01-23",
      contractedOn: "2023-09-01",
      concludedOn: null,
      extensions: [],
    });
    const chart = milestoneChart(
      [entry("determina:1", "2023-09-01", "Determina")],
      deadlines,
      "2023-01-23",
      "2023-09-01",
      { today: "2023-10-01", atRiskDays: 30 },
    );
    expect(chart?.milestones[0]?.late).toBe(true);
  });
});

describe("time axis helpers", () => {
  it("counts days linearly", () => {
    expect(dayNumber("2023-01-24") - dayNumber("2023-01-23")).toBe(1);
    expect(dayNumber("2024-03-01") - dayNumber("2024-02-28")).toBe(2);
  });

  it("labels months in Italian", () => {
    expect(monthTicks("2022-12-15", "2023-07-02", 3).map((t) => t.label)).toEqual([
      "gen 2023",
      "apr 2023",
      "lug 2023",
    ]);
  });
});

describe("the status a window is drawn with", () => {
  const due = "2024-06-30";
  const policy = { today: "2024-06-01", atRiskDays: 30 };
  const status = (metOn: string | null, today: string): DeadlineStatus => {
    const d: Pick<Deadline, "due" | "metOn"> = { due, metOn };
    return computeStatus(d, today);
  };
  const computeStatus = (d: Pick<Deadline, "due" | "metOn">, today: string) =>
    deadlineStatusOf(d, { ...policy, today });

  it("is met when the step came by the due day, the due day included", () => {
    expect(windowStatus(status("2024-06-30", "2024-08-01"))).toBe("met");
    expect(windowStatus(status("2024-01-01", "2024-08-01"))).toBe("met");
  });

  it("is missed when the step came late or the due day passed without it", () => {
    expect(windowStatus(status("2024-07-01", "2024-08-01"))).toBe("missed");
    expect(windowStatus(status(null, "2024-07-01"))).toBe("missed");
  });

  it("is at risk within the policy's days before the due day, open before them", () => {
    expect(windowStatus(status(null, "2024-06-30"))).toBe("at-risk");
    expect(windowStatus(status(null, "2024-05-31"))).toBe("at-risk");
    expect(windowStatus(status(null, "2024-05-30"))).toBe("open");
  });

  it("follows every status the assessment can give", () => {
    const all: DeadlineStatus[] = [
      { kind: "met-on-time", metOn: due },
      { kind: "met-late", metOn: due, daysLate: 1 },
      { kind: "open", daysLeft: 40 },
      { kind: "at-risk", daysLeft: 3 },
      { kind: "overdue", daysOverdue: 1 },
    ];
    expect(all.map(windowStatus)).toEqual(["met", "missed", "open", "at-risk", "missed"]);
  });

  it("reaches the chart: an overdue contract window is missed, not drawn like a met one", () => {
    const deadlines = computeDeadlines({
      rules: RULES_141_DEADLINES,
      platform: { contract: null, completion: null },
      changes: [],
      small: true,
      notifiedOn: "2023-01-23",
      contractedOn: null,
      concludedOn: null,
      extensions: [],
    });
    const chart = milestoneChart(
      [entry("notifica", "2023-01-23", "Notifica")],
      deadlines,
      "2023-01-23",
      null,
      { today: "2024-01-15", atRiskDays: 30 },
    );
    expect(chart?.windows.map((w) => [w.kind, w.status, w.statusText])).toEqual([
      ["contract", "missed", "Scaduta da 177 giorni"],
      ["completion", "open", "Aperta (93 giorni rimasti)"],
    ]);
  });
});

describe("the contract as a milestone", () => {
  const base = {
    rules: RULES_141_DEADLINES,
    platform: { contract: null, completion: null },
    changes: [],
    small: true,
    notifiedOn: "2023-01-23",
    concludedOn: null,
    extensions: [],
  };
  const chartFor = (contractedOn: string) =>
    milestoneChart(
      [entry("notifica", "2023-01-23", "Notifica")],
      computeDeadlines({ ...base, contractedOn }),
      "2023-01-23",
      contractedOn,
      { today: "2024-01-15", atRiskDays: 30 },
    );

  it("is marked on its day, late only after the contract deadline in force", () => {
    // Small comune: 180 days from the notification, due 2023-07-22.
    expect(chartFor("2023-07-22")?.milestones.at(-1)).toEqual({
      date: "2023-07-22",
      label: "Contratto con il fornitore",
      late: false,
    });
    expect(chartFor("2023-07-23")?.milestones.at(-1)).toEqual({
      date: "2023-07-23",
      label: "Contratto con il fornitore",
      late: true,
    });
  });
});
