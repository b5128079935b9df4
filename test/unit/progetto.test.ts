import { describe, expect, it } from "vitest";
import { RULES_141_DEADLINES } from "~/domain/avviso-rules";
import { assessProgetto, type ProgettoFacts } from "~/domain/progetto";

/** The policy of a request on that day, with the default at-risk window. */
const on = (today: string, atRiskDays = 30) => ({ today, atRiskDays });

const funded = (over: Partial<ProgettoFacts> = {}): ProgettoFacts => ({
  rules: RULES_141_DEADLINES,
  platformDeadlines: { contract: null, completion: null },
  deadlineChanges: [],
  band: 2,
  population: 9_709,
  candidaturaServices: [21, 16, 20, 13],
  decreto: { notifiedOn: "2023-01-23" },
  determine: [],
  istanze: [],
  eventi: [],
  officialState: "A",
  officialStateOn: "2023-01-03",
  ...over,
});

const determina922 = { adoptedOn: "2023-08-23", contractOn: null };

describe("assessing a progetto", () => {
  it("is funded with the contract deadline next once the decree is notified", () => {
    const a = assessProgetto(funded(), on("2023-09-25"));
    expect(a.phase).toBe("finanziato");
    expect(a.next).toMatchObject({
      deadline: { kind: "contract", due: "2023-10-20" },
      status: { kind: "at-risk", daysLeft: 25 },
    });
  });

  it("uses the determina date as the contract date when the contract date is unknown", () => {
    const a = assessProgetto(funded({ determine: [determina922] }), on("2023-09-25"));
    expect(a.phase).toBe("contrattualizzato");
    expect(a.contractedOn).toBe("2023-08-23");
    expect(a.next?.deadline).toMatchObject({ kind: "completion", due: "2024-08-17" });
  });

  it("counts the earliest of several contracts", () => {
    const a = assessProgetto(
      funded({
        determine: [determina922, { adoptedOn: "2023-06-01", contractOn: "2023-06-15" }],
      }),
      on("2023-09-25"),
    );
    expect(a.contractedOn).toBe("2023-06-15");
  });

  it("applies an accepted substitution and ignores a rejected one", () => {
    const swap = (outcome: "accolta" | "respinta") => ({
      kind: "sostituzione-servizi" as const,
      outcome,
      outcomeOn: "2023-06-30",
      deadlineKind: null,
      grantedDeadline: null,
      removed: [21],
      added: [25],
    });
    expect(
      assessProgetto(funded({ istanze: [swap("accolta")] }), on("2023-09-25")).services,
    ).toEqual([13, 16, 20, 25]);
    expect(
      assessProgetto(funded({ istanze: [swap("respinta")] }), on("2023-09-25")).services,
    ).toEqual([13, 16, 20, 21]);
  });

  it("moves the deadline only for an accepted timetable change", () => {
    const change = (outcome: "accolta" | "in-attesa") => ({
      kind: "cronoprogramma" as const,
      outcome,
      outcomeOn: outcome === "accolta" ? "2023-10-01" : null,
      deadlineKind: "contract" as const,
      grantedDeadline: outcome === "accolta" ? "2023-12-20" : null,
      removed: [],
      added: [],
    });
    const pending = assessProgetto(funded({ istanze: [change("in-attesa")] }), on("2023-10-25"));
    expect(pending.next?.status).toEqual({ kind: "overdue", daysOverdue: 5 });
    const granted = assessProgetto(funded({ istanze: [change("accolta")] }), on("2023-10-25"));
    expect(granted.next?.deadline).toMatchObject({ originalDue: "2023-10-20", due: "2023-12-20" });
    expect(granted.next?.status).toEqual({ kind: "open", daysLeft: 56 });
  });

  it("is concluded when the site, every service and the checklist are done", () => {
    const online = [13, 16, 20, 21].map((servizioId) => ({
      kind: "servizio-online" as const,
      occurredOn: "2024-05-10",
      servizioId,
      outcome: null,
    }));
    const a = assessProgetto(
      funded({
        determine: [determina922],
        eventi: [
          { kind: "sito-online", occurredOn: "2024-03-01", servizioId: null, outcome: null },
          ...online,
          { kind: "checklist-inviata", occurredOn: "2024-06-01", servizioId: null, outcome: null },
        ],
      }),
      on("2024-07-01"),
    );
    expect(a.phase).toBe("concluso");
    expect(a.deadlines.completion).toMatchObject({ metOn: "2024-06-01" });
    expect(a.next).toBeNull();
  });

  it("takes payment and renunciation from the official state when no event is recorded", () => {
    expect(
      assessProgetto(
        funded({ officialState: "E", officialStateOn: "2024-10-08" }),
        on("2025-01-01"),
      ).phase,
    ).toBe("erogato");
    const renounced = assessProgetto(
      funded({ officialState: "R", officialStateOn: "2023-05-01" }),
      on("2025-01-01"),
    );
    expect(renounced.phase).toBe("rinunciato");
    expect(renounced.next).toBeNull();
  });

  it("shows a negative asseverazione until a later positive one", () => {
    const assev = (outcome: "positiva" | "negativa", occurredOn: string) => ({
      kind: "asseverazione" as const,
      occurredOn,
      servizioId: null,
      outcome,
    });
    expect(
      assessProgetto(funded({ eventi: [assev("negativa", "2024-01-10")] }), on("2024-02-01")).phase,
    ).toBe("asseverazione-negativa");
    expect(
      assessProgetto(
        funded({ eventi: [assev("negativa", "2024-01-10"), assev("positiva", "2024-03-10")] }),
        on("2024-04-01"),
      ).phase,
    ).toBe("asseverato");
  });

  it("uses the shorter deadlines for a small comune, from the band or else the population", () => {
    expect(assessProgetto(funded({ band: 1 }), on("2023-02-01")).next?.deadline.due).toBe(
      "2023-07-22",
    );
    expect(
      assessProgetto(funded({ band: null, population: 5_000 }), on("2023-02-01")).next?.deadline
        .due,
    ).toBe("2023-07-22");
    expect(
      assessProgetto(funded({ band: null, population: 5_001 }), on("2023-02-01")).next?.deadline
        .due,
    ).toBe("2023-10-20");
  });

  it("is only a candidatura before any decree", () => {
    const a = assessProgetto(
      funded({ decreto: null, officialState: null, officialStateOn: null }),
      on("2023-01-01"),
    );
    expect(a.phase).toBe("candidatura");
    expect(a.next).toBeNull();
  });
});

describe("a progetto of any measure", () => {
  const noRules = { contract: null, completion: null, finalDeadline: null };

  it("has no deadline when its avviso's rules are not known and no platform date is entered", () => {
    const a = assessProgetto(funded({ rules: noRules }), on("2023-09-25"));
    expect(a.deadlines).toEqual({ contract: null, completion: null });
    expect(a.next).toBeNull();
  });

  it("follows the deadlines the platform shows, and the changes recorded", () => {
    const a = assessProgetto(
      funded({
        rules: noRules,
        platformDeadlines: { contract: "2023-10-31", completion: "2024-06-30" },
        deadlineChanges: [
          {
            deadline: "contract",
            kind: "automatica",
            grantedOn: "2023-09-01",
            days: 30,
            until: null,
          },
        ],
      }),
      on("2023-09-25"),
    );
    expect(a.next).toMatchObject({
      deadline: { kind: "contract", originalDue: "2023-10-31", due: "2023-11-30" },
      status: { kind: "open", daysLeft: 66 },
    });
    // The contract's extension moves completion too.
    expect(a.deadlines.completion?.due).toBe("2024-07-30");
  });

  it("is capped by its avviso's last date", () => {
    const a = assessProgetto(
      funded({ rules: { ...RULES_141_DEADLINES, finalDeadline: "2023-09-30" } }),
      on("2023-09-25"),
    );
    expect(a.next?.deadline).toMatchObject({ due: "2023-09-30", capped: true });
  });
});

describe("what follows completion, in the assessment", () => {
  const concluded = (outcome: "positiva" | "parzialmente-positiva" | "negativa") =>
    funded({
      candidaturaServices: [],
      determine: [{ ...determina922, amountCents: 12_000_000 }],
      financedCents: 15_523_400,
      eventi: [
        { kind: "sito-online", occurredOn: "2024-05-10", servizioId: null, outcome: null },
        { kind: "checklist-inviata", occurredOn: "2024-05-20", servizioId: null, outcome: null },
        { kind: "asseverazione", occurredOn: "2024-07-01", servizioId: null, outcome },
      ],
    });

  it("keeps a partly positive asseverazione as concluded, awaiting a final outcome", () => {
    const a = assessProgetto(concluded("parzialmente-positiva"), on("2024-08-01"));
    expect(a.phase).toBe("concluso");
    expect(a.closure.asseverazione?.outcome).toBe("parzialmente-positiva");
    expect(a.closure.state).toBeNull();
  });

  it("revokes after a negative one, and puts a paid progetto in upkeep with its economie", () => {
    expect(assessProgetto(concluded("negativa"), on("2024-08-01")).closure.state).toMatchObject({
      kind: "revocato",
    });
    const paid = concluded("positiva");
    const a = assessProgetto(
      {
        ...paid,
        eventi: [
          ...paid.eventi,
          {
            kind: "erogazione",
            occurredOn: "2024-10-08",
            servizioId: null,
            outcome: null,
            amountCents: 15_523_400,
          },
        ],
      },
      on("2025-01-10"),
    );
    expect(a.phase).toBe("erogato");
    expect(a.closure.state).toEqual({ kind: "mantenimento", until: "2029-12-31" });
    expect(a.closure.leftover?.economieCents).toBe(3_523_400);
  });
});
