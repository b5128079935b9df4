import { describe, expect, it } from "vitest";
import { type DeadlineChange, RULES_141_DEADLINES } from "~/domain/avviso-rules";
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
  rules: RULES_141_DEADLINES,
  platform: { contract: null, completion: null },
  changes: [],
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

const change = (
  deadline: "contract" | "completion",
  kind: DeadlineChange["kind"],
  value: number | string,
  grantedOn = "2023-06-01",
): DeadlineChange => ({
  deadline,
  kind,
  grantedOn,
  days: typeof value === "number" ? value : null,
  until: typeof value === "string" ? value : null,
});

describe("extensions by kind, as the platform counts them", () => {
  // Over 5,000, notified 2023-01-23: contract by 2023-10-20; projected completion 2024-10-14.
  it.each(["automatica", "eccezionale", "richiesta-pec", "richiesta-piattaforma"] as const)(
    "a proroga %s adds its days to the deadline",
    (kind) => {
      const d = computeDeadlines(
        facts({ notifiedOn: "2023-01-23", changes: [change("contract", kind, 30)] }),
      );
      expect(d.contract).toMatchObject({
        originalDue: "2023-10-20",
        due: "2023-11-19",
        extended: true,
      });
    },
  );

  it("adds up the days of every kind", () => {
    const d = computeDeadlines(
      facts({
        notifiedOn: "2023-01-23",
        contractedOn: "2023-08-23",
        changes: [
          change("completion", "automatica", 30),
          change("completion", "eccezionale", 15),
          change("completion", "richiesta-pec", 10),
          change("completion", "richiesta-piattaforma", 5),
        ],
      }),
    );
    // 2024-08-17 + 60 days.
    expect(d.completion).toMatchObject({ originalDue: "2024-08-17", due: "2024-10-16" });
  });

  it("moves the completion deadline with an extension of the contract deadline", () => {
    const d = computeDeadlines(
      facts({ notifiedOn: "2023-01-23", changes: [change("contract", "eccezionale", 45)] }),
    );
    expect(d.contract?.due).toBe("2023-12-04");
    expect(d.completion).toMatchObject({
      originalDue: "2024-10-14",
      due: "2024-11-28",
      projected: true,
      extended: true,
    });
  });

  it("counts completion from the signed contract once there is one", () => {
    const d = computeDeadlines(
      facts({
        notifiedOn: "2023-01-23",
        contractedOn: "2023-11-30",
        changes: [change("contract", "richiesta-pec", 45)],
      }),
    );
    expect(d.contract).toMatchObject({ due: "2023-12-04", metOn: "2023-11-30" });
    expect(d.completion).toMatchObject({ due: "2024-11-24", projected: false, extended: false });
  });

  it("crosses a leap day and a year end by calendar days", () => {
    const d = computeDeadlines(
      facts({
        small: true,
        notifiedOn: "2023-09-03",
        changes: [change("contract", "automatica", 60)],
      }),
    );
    // 2023-09-03 + 180 = 2024-03-01 (2024 is a leap year); + 60 = 2024-04-30.
    expect(d.contract).toMatchObject({ originalDue: "2024-03-01", due: "2024-04-30" });
    const yearEnd = computeDeadlines(
      facts({ notifiedOn: "2024-04-05", changes: [change("contract", "automatica", 1)] }),
    );
    expect(yearEnd.contract).toMatchObject({ originalDue: "2024-12-31", due: "2025-01-01" });
  });
});

describe("the quarterly completion slot", () => {
  it("moves completion to the quarter end chosen", () => {
    const d = computeDeadlines(
      facts({
        notifiedOn: "2023-01-23",
        contractedOn: "2023-08-23",
        changes: [change("completion", "slot-trimestrale", "2024-09-30", "2024-05-02")],
      }),
    );
    expect(d.completion).toMatchObject({
      originalDue: "2024-08-17",
      due: "2024-09-30",
      extended: true,
    });
  });

  it("never brings a deadline earlier", () => {
    const d = computeDeadlines(
      facts({
        notifiedOn: "2023-01-23",
        contractedOn: "2023-08-23",
        changes: [change("completion", "slot-trimestrale", "2024-06-30", "2024-05-02")],
      }),
    );
    expect(d.completion).toMatchObject({ due: "2024-08-17", extended: false });
  });
});

describe("a rimessione in termini", () => {
  it("reopens a missed deadline until the date granted", () => {
    const d = computeDeadlines(
      facts({
        notifiedOn: "2023-01-23",
        changes: [change("contract", "rimessione-in-termini", "2024-01-31", "2023-12-01")],
      }),
    );
    expect(d.contract).toMatchObject({ due: "2024-01-31", reopened: true, extended: true });
    // A contract signed in the reopened time is on time.
    const met = computeDeadlines(
      facts({
        notifiedOn: "2023-01-23",
        contractedOn: "2024-01-15",
        changes: [change("contract", "rimessione-in-termini", "2024-01-31", "2023-12-01")],
      }),
    );
    expect(met.contract && deadlineStatus(met.contract, on("2024-02-01")).kind).toBe("met-on-time");
  });
});

describe("the avviso's fixed last date", () => {
  const capped = (over: Partial<DeadlineFacts>) =>
    computeDeadlines(
      facts({
        rules: { ...RULES_141_DEADLINES, finalDeadline: "2026-03-31" },
        ...over,
      }),
    );

  it("caps a deadline that the counting puts later", () => {
    const d = capped({ notifiedOn: "2025-09-01", contractedOn: "2025-12-01" });
    expect(d.completion).toMatchObject({
      originalDue: "2026-11-26",
      due: "2026-03-31",
      capped: true,
    });
  });

  it("is passed by no extension, slot or rimessione", () => {
    const d = capped({
      notifiedOn: "2024-09-01",
      contractedOn: "2025-01-10",
      changes: [
        change("contract", "eccezionale", 400),
        change("completion", "richiesta-pec", 365),
        change("completion", "slot-trimestrale", "2026-06-30", "2025-06-01"),
        change("completion", "rimessione-in-termini", "2026-12-31", "2026-05-01"),
      ],
      extensions: [{ deadline: "completion", grantedUntil: "2027-01-31" }],
    });
    expect(d.contract?.due).toBe("2026-03-31");
    expect(d.completion).toMatchObject({ due: "2026-03-31", capped: true });
  });

  it("leaves an earlier deadline as it is", () => {
    const d = capped({ notifiedOn: "2023-01-23", contractedOn: "2023-08-23" });
    expect(d.completion).toMatchObject({ due: "2024-08-17", capped: false });
  });
});

describe("avvisi without counted deadlines", () => {
  const none = { contract: null, completion: null, finalDeadline: null };

  it("have no deadline until the RUP enters the platform's dates", () => {
    expect(computeDeadlines(facts({ rules: none, notifiedOn: "2023-01-23" }))).toEqual({
      contract: null,
      completion: null,
    });
  });

  it("use the platform's dates, moved by the changes recorded", () => {
    const d = computeDeadlines(
      facts({
        rules: none,
        platform: { contract: "2024-06-30", completion: "2025-03-31" },
        changes: [change("contract", "richiesta-piattaforma", 30)],
      }),
    );
    expect(d.contract).toMatchObject({ originalDue: "2024-06-30", due: "2024-07-30" });
    expect(d.completion).toMatchObject({
      originalDue: "2025-03-31",
      due: "2025-04-30",
      projected: false,
    });
  });

  it("count completion from the notification when the avviso says so", () => {
    const d = computeDeadlines(
      facts({
        rules: {
          contract: { from: "notifica", smallDays: 90, largeDays: 90 },
          completion: { from: "notifica", smallDays: 365, largeDays: 365 },
          finalDeadline: null,
        },
        notifiedOn: "2023-03-01",
        contractedOn: "2023-04-01",
      }),
    );
    expect(d.contract?.due).toBe("2023-05-30");
    expect(d.completion).toMatchObject({ due: "2024-02-29", projected: false });
  });

  it("prefer the platform's date to the avviso's counting", () => {
    const d = computeDeadlines(
      facts({ notifiedOn: "2023-01-23", platform: { contract: "2023-11-30", completion: null } }),
    );
    expect(d.contract?.due).toBe("2023-11-30");
    expect(d.completion).toMatchObject({ originalDue: "2024-11-24", projected: true });
  });
});

describe("a deadline cut short by the last date", () => {
  it("is not called extended, whatever the changes", () => {
    const d = computeDeadlines(
      facts({
        rules: { ...RULES_141_DEADLINES, finalDeadline: "2024-06-30" },
        notifiedOn: "2023-01-23",
        contractedOn: "2023-08-23",
        changes: [change("completion", "automatica", 30)],
      }),
    );
    expect(d.completion).toMatchObject({
      originalDue: "2024-08-17",
      due: "2024-06-30",
      extended: false,
      capped: true,
    });
  });
});
