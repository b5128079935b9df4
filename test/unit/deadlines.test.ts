import { describe, expect, it } from "vitest";
import {
  computeDeadlines,
  type DeadlineFacts,
  deadlineStatus,
  describeStatus,
  nextOpenDeadline,
} from "~/domain/deadlines";

/** The policy of a request on that day, with the default at-risk window. */
const on = (today: string, atRiskDays = 30) => ({ today, atRiskDays });

const facts = (over: Partial<DeadlineFacts>): DeadlineFacts => ({
  small: false,
  notifiedOn: null,
  contractedOn: null,
  concludedOn: null,
  extensions: [],
  ...over,
});

describe("Santa Margherita Ligure (over 5,000, notified 2023-01-23, determina 2023-08-23)", () => {
  const d = computeDeadlines(facts({ notifiedOn: "2023-01-23", contractedOn: "2023-08-23" }));

  it("had to contract the supplier by 2023-10-20 and did so on time", () => {
    expect(d.contract).toMatchObject({
      due: "2023-10-20",
      originalDue: "2023-10-20",
      extended: false,
    });
    expect(d.contract && deadlineStatus(d.contract, on("2024-01-01"))).toEqual({
      kind: "met-on-time",
      metOn: "2023-08-23",
    });
  });

  it("must complete by 2024-08-17, counted from the contract", () => {
    expect(d.completion).toMatchObject({ due: "2024-08-17", projected: false, metOn: null });
  });
});

describe("deadline lengths", () => {
  it("gives a comune up to 5,000 inhabitants 180 and 270 days", () => {
    const d = computeDeadlines(
      facts({ small: true, notifiedOn: "2023-01-23", contractedOn: "2023-03-01" }),
    );
    expect(d.contract?.due).toBe("2023-07-22");
    expect(d.completion?.due).toBe("2023-11-26");
  });

  it("gives a larger comune 270 and 360 days", () => {
    const d = computeDeadlines(facts({ notifiedOn: "2022-09-01", contractedOn: "2023-02-01" }));
    expect(d.contract?.due).toBe("2023-05-29");
    expect(d.completion?.due).toBe("2024-01-27");
  });

  it("counts a leap day as a day", () => {
    const d = computeDeadlines(facts({ small: true, notifiedOn: "2024-01-01" }));
    expect(d.contract?.due).toBe("2024-06-29");
  });

  it("has no deadline before the decree is notified", () => {
    expect(computeDeadlines(facts({ contractedOn: "2023-01-01" }))).toEqual({
      contract: null,
      completion: null,
    });
  });

  it("projects completion from the contract deadline while no supplier is contracted", () => {
    const d = computeDeadlines(facts({ notifiedOn: "2023-01-23" }));
    expect(d.completion).toMatchObject({ due: "2024-10-14", projected: true });
  });
});

describe("granted timetable changes", () => {
  it("move the deadline and keep the original on record", () => {
    const d = computeDeadlines(
      facts({
        notifiedOn: "2023-01-23",
        extensions: [{ deadline: "contract", grantedUntil: "2023-12-31" }],
      }),
    );
    expect(d.contract).toMatchObject({
      originalDue: "2023-10-20",
      due: "2023-12-31",
      extended: true,
    });
    // The projected completion follows the extended contract deadline.
    expect(d.completion).toMatchObject({
      originalDue: "2024-10-14",
      due: "2024-12-25",
      extended: true,
    });
  });

  it("apply the furthest granted date and never shorten a deadline", () => {
    const d = computeDeadlines(
      facts({
        notifiedOn: "2023-01-23",
        contractedOn: "2023-08-23",
        extensions: [
          { deadline: "completion", grantedUntil: "2024-10-31" },
          { deadline: "completion", grantedUntil: "2024-12-31" },
          { deadline: "contract", grantedUntil: "2023-09-01" },
        ],
      }),
    );
    expect(d.contract).toMatchObject({ due: "2023-10-20", extended: false });
    expect(d.completion).toMatchObject({
      originalDue: "2024-08-17",
      due: "2024-12-31",
      extended: true,
    });
  });
});

describe("deadline status", () => {
  const [contract] = [computeDeadlines(facts({ notifiedOn: "2023-01-23" })).contract];
  if (!contract) throw new Error("contract deadline expected");

  it.each([
    ["2023-01-23", { kind: "open", daysLeft: 270 }, "Aperta (270 giorni rimasti)"],
    ["2023-09-19", { kind: "open", daysLeft: 31 }, "Aperta (31 giorni rimasti)"],
    ["2023-09-20", { kind: "at-risk", daysLeft: 30 }, "A rischio (30 giorni rimasti)"],
    ["2023-10-19", { kind: "at-risk", daysLeft: 1 }, "A rischio (1 giorno rimasto)"],
    ["2023-10-20", { kind: "at-risk", daysLeft: 0 }, "A rischio (0 giorni rimasti)"],
    ["2023-10-21", { kind: "overdue", daysOverdue: 1 }, "Scaduta da 1 giorno"],
    ["2024-10-20", { kind: "overdue", daysOverdue: 366 }, "Scaduta da 366 giorni"],
  ])("on %s is %o", (today, status, label) => {
    expect(deadlineStatus(contract, on(today))).toEqual(status);
    expect(describeStatus(deadlineStatus(contract, on(today)))).toBe(label);
  });

  it("takes the at-risk threshold as a setting", () => {
    expect(deadlineStatus(contract, on("2023-09-19", 60))).toEqual({
      kind: "at-risk",
      daysLeft: 31,
    });
  });

  it("counts a step on the due day as on time and a day later as late", () => {
    expect(deadlineStatus({ ...contract, metOn: "2023-10-20" }, on("2025-01-01")).kind).toBe(
      "met-on-time",
    );
    const late = deadlineStatus({ ...contract, metOn: "2023-10-25" }, on("2025-01-01"));
    expect(late).toEqual({ kind: "met-late", metOn: "2023-10-25", daysLate: 5 });
    expect(describeStatus(late)).toBe("Rispettata in ritardo (5 giorni)");
  });

  it("names the first deadline still open", () => {
    const d = computeDeadlines(facts({ notifiedOn: "2023-01-23", contractedOn: "2023-08-23" }));
    expect(nextOpenDeadline(d)?.kind).toBe("completion");
    expect(nextOpenDeadline(computeDeadlines(facts({ notifiedOn: "2023-01-23" })))?.kind).toBe(
      "contract",
    );
  });
});
