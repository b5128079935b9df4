import { describe, expect, it } from "vitest";
import { RULES_141_DEADLINES } from "~/domain/avviso-rules";
import { computeDeadlines } from "~/domain/deadlines";
import { dayNumber, milestoneChart, monthTicks } from "~/domain/milestones";
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
  const chart = milestoneChart(smlTimeline, deadlines, "2023-01-23", "2023-08-23", "2024-01-15");

  it("puts every dated step on the axis, none late", () => {
    expect(chart?.milestones.map((m) => [m.date, m.late])).toEqual([
      ["2022-09-24", false],
      ["2023-01-03", false],
      ["2023-01-23", false],
      ["2023-05-22", false],
      ["2023-08-23", false],
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
      },
      {
        kind: "completion",
        label: "Finestra per completare",
        from: "2023-08-23",
        to: "2024-08-17",
        originalTo: null,
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
      "2023-10-01",
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
