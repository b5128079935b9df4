import { describe, expect, it } from "vitest";
import { assessClosure } from "~/domain/closure";
import { daysBetween } from "~/domain/dates";
import { type Deadline, deadlineStatus } from "~/domain/deadlines";
import type { ProgettoAssessment } from "~/domain/progetto";
import {
  comparisonRow,
  comparisonTotals,
  filterRows,
  type MemberFacts,
  phaseFunnel,
  readComparisonQuery,
  sortRows,
} from "~/features/unione/unione-comparison";
import { comparisonTable } from "~/features/unione/unione-export";
import { laneChart, markLevels } from "~/features/unione/unione-lanes";

const TODAY = "2026-11-22";

function deadline(kind: Deadline["kind"], due: string, metOn: string | null = null): Deadline {
  return {
    kind,
    originalDue: due,
    due,
    extended: false,
    projected: false,
    capped: false,
    reopened: false,
    metOn,
  };
}

function member(
  name: string,
  over: Partial<NonNullable<MemberFacts["progetto"]>> = {},
  assessment: Partial<ProgettoAssessment> = {},
): MemberFacts {
  return {
    comuneId: name.length,
    comune: name,
    population: 3000,
    progetto: {
      id: name.length * 10,
      cup: null,
      band: null,
      servicesCount: null,
      amountCents: 7_992_200,
      decretoNumber: "32 - 1 / 2022",
      decretoOn: "2022-08-19",
      notifiedOn: null,
      supplier: null,
      erogatoCents: null,
      asseveratoOn: null,
      erogatoOn: null,
      conformity: null,
      assessment: withStatuses({
        phase: "finanziato",
        services: [],
        contractedOn: null,
        concludedOn: null,
        deadlines: { contract: null, completion: null },
        next: null,
        closure: assessClosure(
          { eventi: [], financedCents: null, contractCents: [] },
          { today: TODAY, atRiskDays: 30 },
        ),
        ...assessment,
      }),
      ...over,
    },
  };
}

/** The statuses the read model would give these deadlines today. */
function withStatuses(a: Omit<ProgettoAssessment, "statuses">): ProgettoAssessment {
  const statusOf = (d: Deadline | null) =>
    d ? deadlineStatus(d, { today: TODAY, atRiskDays: 30 }) : null;
  return {
    ...a,
    statuses: {
      contract: statusOf(a.deadlines.contract),
      completion: statusOf(a.deadlines.completion),
    },
  };
}

describe("a comparison row", () => {
  it("splits the amount into site and services by the band the amount implies", () => {
    const cesena = comparisonRow(member("Cesena", { amountCents: 32_816_000, servicesCount: 6 }));
    expect(cesena.band?.id).toBe(4);
    expect(cesena.siteCents + cesena.servicesCents).toBe(32_816_000);
    expect(cesena.servicesCount).toBe(6);
  });

  it("prefers the services recorded one by one to the number on record", () => {
    const row = comparisonRow(member("Sarsina", { servicesCount: 4 }, { services: [1, 2, 3] }));
    expect(row.servicesCount).toBe(3);
  });

  it("marks a comune late when a deadline passed or was met after it, and counts days to the next", () => {
    const overdue = comparisonRow(
      member(
        "Borgo",
        {},
        {
          deadlines: { contract: deadline("contract", "2026-11-02"), completion: null },
          next: {
            deadline: deadline("contract", "2026-11-02"),
            status: { kind: "overdue", daysOverdue: 20 },
          },
        },
      ),
    );
    expect(overdue.late).toBe(true);
    expect(overdue.daysToNext).toBe(-20);
    expect(overdue.contract?.status).toEqual({ kind: "overdue", daysOverdue: 20 });

    const metLate = comparisonRow(
      member(
        "Castel",
        {},
        {
          deadlines: {
            contract: deadline("contract", "2023-01-01", "2023-02-01"),
            completion: null,
          },
        },
      ),
    );
    expect(metLate.late).toBe(true);
    expect(comparisonRow(member("Ok")).late).toBe(false);
  });

  it("is empty, not wrong, for a member without a 1.4.1 progetto", () => {
    const row = comparisonRow({ comuneId: 1, comune: "Senza", population: 9000, progetto: null });
    expect(row).toMatchObject({ progettoId: null, amountCents: 0, phase: null, late: false });
    expect(row.band?.id).toBe(2);
  });
});

describe("totals, sorting and filters", () => {
  const rows = [
    comparisonRow(member("Cesena", { amountCents: 32_816_000 })),
    comparisonRow(member("Verghereto")),
    comparisonRow({ comuneId: 99, comune: "Alfa", population: null, progetto: null }),
  ];

  it("adds up money and services", () => {
    expect(comparisonTotals(rows)).toMatchObject({
      comuni: 3,
      amountCents: 32_816_000 + 7_992_200,
    });
  });

  it("sorts in either direction and keeps missing values last", () => {
    expect(sortRows(rows, "importo", "desc").map((r) => r.comune)).toEqual([
      "Cesena",
      "Verghereto",
      "Alfa",
    ]);
    expect(sortRows(rows, "importo", "asc").map((r) => r.comune)).toEqual([
      "Alfa",
      "Verghereto",
      "Cesena",
    ]);
    expect(
      sortRows(rows, "fase", "desc")
        .map((r) => r.comune)
        .at(-1),
    ).toBe("Alfa");
    expect(sortRows(rows, "comune", "asc").map((r) => r.comune)).toEqual([
      "Alfa",
      "Cesena",
      "Verghereto",
    ]);
  });

  it("filters by phase and lateness and counts the funnel", () => {
    expect(filterRows(rows, { phase: "finanziato", onlyLate: false })).toHaveLength(2);
    expect(filterRows(rows, { phase: null, onlyLate: true })).toHaveLength(0);
    expect(phaseFunnel(rows).find((f) => f.phase === "finanziato")?.count).toBe(2);
  });

  it("reads the query string and ignores unknown values", () => {
    expect(
      readComparisonQuery(new URLSearchParams("ordina=importo&verso=desc&fase=erogato&ritardo=1")),
    ).toEqual({ sort: "importo", direction: "desc", phase: "erogato", onlyLate: true });
    expect(readComparisonQuery(new URLSearchParams("ordina=x&verso=y&fase=z"))).toEqual({
      sort: "comune",
      direction: "asc",
      phase: null,
      onlyLate: false,
    });
  });

  it("exports Italian decimals and dates for Excel, plain ones for programs", () => {
    const totals = comparisonTotals(rows);
    const excel = comparisonTable(rows, totals, "excel");
    const cesena = excel.find((r) => r[0] === "Cesena");
    expect(cesena?.[3]).toBe("328160,00");
    expect(cesena?.[8]).toBe("19/08/2022");
    expect(excel.at(-1)?.[0]).toBe("Totale (3 comuni)");
    const plain = comparisonTable(rows, totals, "plain");
    expect(plain.find((r) => r[0] === "Cesena")?.[3]).toBe("328160.00");
    expect(plain.find((r) => r[0] === "Cesena")?.[8]).toBe("2022-08-19");
    expect(plain.at(-1)?.[0]).not.toMatch(/^Totale/);
  });
});

describe("the swim lanes", () => {
  it("puts each comune's marks and windows on one axis that includes today", () => {
    const chart = laneChart(
      [
        member(
          "Cesena",
          { notifiedOn: "2022-12-04" },
          {
            contractedOn: "2023-04-20",
            deadlines: {
              contract: deadline("contract", "2023-06-02", "2023-04-20"),
              completion: deadline("completion", "2024-04-14"),
            },
          },
        ),
        member("Sarsina"),
      ],
      TODAY,
    );
    expect(chart?.lanes[0]?.marks.map((m) => m.kind)).toEqual(["notifica", "contratto"]);
    expect(chart?.lanes[0]?.windows.map((w) => [w.from, w.to])).toEqual([
      ["2022-12-04", "2023-06-02"],
      ["2023-04-20", "2024-04-14"],
    ]);
    expect(chart?.lanes[1]?.marks).toEqual([]);
    expect((chart?.start ?? "") < "2022-12-04").toBe(true);
    expect((chart?.end ?? "") > TODAY).toBe(true);
    expect(laneChart([member("Vuoto")], TODAY)).toBeNull();
  });

  it("draws each window with its deadline's status: met, open, at risk or missed", () => {
    const lane = (contract: Deadline, completion: Deadline) =>
      laneChart(
        [
          member(
            "Cesena",
            { notifiedOn: "2022-12-04" },
            { contractedOn: contract.metOn, deadlines: { contract, completion } },
          ),
        ],
        TODAY,
      )?.lanes[0]?.windows.map((w) => [w.kind, w.status, w.statusText]);
    // The completion deadline passed two years ago without the activities concluded.
    expect(
      lane(deadline("contract", "2023-06-02", "2023-04-20"), deadline("completion", "2024-04-14")),
    ).toEqual([
      ["contract", "met", "Rispettata"],
      ["completion", "missed", "Scaduta da 952 giorni"],
    ]);
    expect(
      lane(deadline("contract", "2023-06-02", "2023-06-03"), deadline("completion", "2026-12-10")),
    ).toEqual([
      ["contract", "missed", "Rispettata in ritardo (1 giorno)"],
      ["completion", "at-risk", "A rischio (18 giorni rimasti)"],
    ]);
    expect(
      lane(
        deadline("contract", "2023-06-02", "2023-06-02"),
        deadline("completion", "2027-03-01"),
      )?.[1],
    ).toEqual(["completion", "open", "Aperta (99 giorni rimasti)"]);
  });
});

describe("the levels of a lane's marks", () => {
  it("keeps marks apart in time on the lane's line", () => {
    expect(markLevels(["2023-01-01", "2023-03-01", "2023-06-01"], 30)).toEqual([0, 0, 0]);
  });

  it("lifts a mark closer than the gap to the previous one, and reuses a level once free", () => {
    // Conclusione, asseverazione 20 days later, erogazione 25 days after that.
    expect(markLevels(["2024-06-10", "2024-06-30", "2024-07-25"], 30)).toEqual([0, 1, 0]);
    expect(markLevels(["2024-06-10", "2024-06-10", "2024-06-10"], 30)).toEqual([0, 1, 2]);
  });

  it("judges by date, whatever the order of the marks", () => {
    expect(markLevels(["2024-07-25", "2024-06-10", "2024-06-30"], 30)).toEqual([0, 0, 1]);
  });

  it("never puts two marks closer than the gap on one level", () => {
    const days = ["2024-01-01", "2024-01-05", "2024-01-09", "2024-01-20", "2024-02-01"];
    for (let gap = 1; gap <= 60; gap += 1) {
      const levels = markLevels(days, gap);
      days.forEach((a, i) => {
        days.forEach((b, j) => {
          if (i < j && levels[i] === levels[j])
            expect(Math.abs(daysBetween(a, b)), `${gap}: ${a} ${b}`).toBeGreaterThanOrEqual(gap);
        });
      });
    }
  });
});
