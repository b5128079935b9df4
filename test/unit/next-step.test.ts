import { describe, expect, it } from "vitest";
import { RULES_141_DEADLINES } from "~/domain/avviso-rules";
import { guidance, STEP_ACTIONS, type StepActionKey } from "~/domain/next-step";
import { assessProgetto, type EventoFacts, type ProgettoFacts } from "~/domain/progetto";

const TODAY = "2026-11-22";
const policy = { today: TODAY, atRiskDays: 30 };

const facts = (over: Partial<ProgettoFacts> = {}): ProgettoFacts => ({
  rules: RULES_141_DEADLINES,
  platformDeadlines: { contract: null, completion: null },
  deadlineChanges: [],
  band: 2,
  population: 9_709,
  candidaturaServices: [21, 16],
  decreto: { notifiedOn: "2026-01-23" },
  determine: [],
  istanze: [],
  eventi: [],
  officialState: null,
  officialStateOn: null,
  financedCents: 10_000_000,
  ...over,
});

let nextId = 1;
const ev = (kind: EventoFacts["kind"], occurredOn: string, more: Partial<EventoFacts> = {}) =>
  ({
    id: nextId++,
    kind,
    occurredOn,
    outcome: null,
    servizioId: null,
    ...more,
  }) as EventoFacts;

const contracted = { determine: [{ adoptedOn: "2026-03-01", contractOn: "2026-03-10" }] };
const completed = [
  ev("sito-online", "2026-06-01"),
  ev("servizio-online", "2026-06-02", { servizioId: 21 }),
  ev("servizio-online", "2026-06-03", { servizioId: 16 }),
  ev("checklist-inviata", "2026-06-04"),
];
const requested = [...completed, ev("richiesta-completamento", "2026-06-05")];
const asseverato = [...requested, ev("asseverazione", "2026-07-01", { outcome: "positiva" })];
const withCre = [...asseverato, ev("cre", "2026-07-05")];
const paymentAsked = [...withCre, ev("richiesta-erogazione", "2026-07-06")];
const paid = [...paymentAsked, ev("erogazione", "2026-09-01", { amountCents: 10_000_000 })];

const guide = (over: Partial<ProgettoFacts>) => guidance(assessProgetto(facts(over), policy));

/** Every progetto state the page can meet, with the step, its actor, its date and its page. */
const CASES: [
  string,
  Partial<ProgettoFacts>,
  string | null,
  string | null,
  string | null,
  string | null,
][] = [
  ["candidatura without decreto", { decreto: null }, "Decreto", "dipartimento", null, "decreto"],
  ["funded, no contract", {}, "Contrattualizzare", "comune", "2026-10-20", "determine/nuova"],
  ["contracted", contracted, "Completare", "comune", "2027-03-05", "completamento"],
  [
    "completed in part (site online only)",
    { ...contracted, eventi: completed.slice(0, 1) },
    "Completare",
    "comune",
    "2027-03-05",
    "completamento",
  ],
  [
    "completed, not requested",
    { ...contracted, eventi: completed },
    "Richiedere il completamento",
    "comune",
    null,
    "completamento",
  ],
  [
    "completion requested",
    { ...contracted, eventi: requested },
    "Asseverazione",
    "asseveratore",
    null,
    "eventi/nuovo?tipo=asseverazione",
  ],
  [
    "partly positive asseverazione",
    {
      ...contracted,
      eventi: [
        ...requested,
        ev("asseverazione", "2026-07-01", { outcome: "parzialmente-positiva" }),
      ],
    },
    "Correggere",
    "comune",
    null,
    "eventi/nuovo?tipo=richiesta-completamento",
  ],
  [
    "asseverato",
    { ...contracted, eventi: asseverato },
    "certificato",
    "comune",
    null,
    "eventi/nuovo?tipo=cre",
  ],
  [
    "CRE signed",
    { ...contracted, eventi: withCre },
    "erogazione",
    "comune",
    null,
    "eventi/nuovo?tipo=richiesta-erogazione",
  ],
  [
    "payment requested",
    { ...contracted, eventi: paymentAsked },
    "Verifiche formali",
    "dipartimento",
    null,
    "eventi/nuovo?tipo=erogazione",
  ],
  [
    "paid, first upkeep year not begun",
    { ...contracted, eventi: paid },
    "Mantenere",
    "comune",
    "2031-12-31",
    "eventi/nuovo?tipo=dichiarazione-mantenimento",
  ],
  [
    "paid, a sample check awaiting documents",
    { ...contracted, eventi: [...paid, ev("controllo-campione", "2026-10-01")] },
    "controllo a campione",
    "comune",
    null,
    "eventi/nuovo?tipo=controllo-campione",
  ],
  [
    "negative asseverazione",
    {
      ...contracted,
      eventi: [...requested, ev("asseverazione", "2026-07-01", { outcome: "negativa" })],
    },
    null,
    null,
    null,
    null,
  ],
  ["renounced", { eventi: [ev("rinuncia", "2026-02-01")] }, null, null, null, null],
  [
    "revoked after a failed sample check",
    {
      ...contracted,
      eventi: [...paid, ev("controllo-campione", "2026-10-01", { outcome: "negativa" })],
    },
    null,
    null,
    null,
    null,
  ],
];

describe("the next step of a progetto", () => {
  it.each(CASES)("%s", (_name, over, what, who, by, href) => {
    const g = guide(over);
    if (what === null) {
      expect(g.next).toBeNull();
      return;
    }
    expect(g.next?.what).toContain(what);
    expect(g.next?.who).toBe(who);
    expect(g.next?.by).toBe(by);
    expect(g.next?.action.href).toBe(href);
    // The button is the first of the links shown now, never repeated below.
    expect(g.now[0]?.href).toBe(href);
  });

  it.each(CASES)("%s: every step page is offered exactly once", (_name, over) => {
    const g = guide(over);
    const keys = [...g.now, ...g.others].map((l) => l.key).sort();
    expect(keys).toEqual((Object.keys(STEP_ACTIONS) as StepActionKey[]).sort());
  });

  it("asks first for the reply to an open request for integration, by its term, on that request", () => {
    const request = ev("richiesta-integrazione", "2026-09-01", { dueOn: "2026-12-01" });
    const g = guide({ ...contracted, eventi: [...paymentAsked, request] });
    expect(g.next).toMatchObject({
      who: "comune",
      by: "2026-12-01",
      action: { href: `eventi/${request.id}`, label: "Registra la risposta" },
    });
  });

  it("asks for a missing upkeep declaration of a past year", () => {
    const early = [...paymentAsked, ev("erogazione", "2024-09-01", { amountCents: 1 })].map((e) =>
      e.kind === "erogazione" ? e : { ...e, occurredOn: e.occurredOn.replace("2026", "2024") },
    );
    const g = guide({
      ...contracted,
      determine: [{ adoptedOn: "2024-03-01", contractOn: null }],
      eventi: early,
    });
    expect(g.next?.what).toBe("Presentare la dichiarazione di mantenimento per il 2025");
  });

  it("has nothing left once the upkeep is over", () => {
    const g = guidance(
      assessProgetto(facts({ ...contracted, eventi: paid }), {
        today: "2032-01-10",
        atRiskDays: 30,
      }),
    );
    // Every declaration missing is still owed: only a complete upkeep ends the guidance.
    expect(g.next?.what).toContain("dichiarazione di mantenimento per il 2027");
  });

  it("keeps the contract-stage pages out of the way once the work is done", () => {
    const g = guide({ ...contracted, eventi: paymentAsked });
    const now = g.now.map((l) => l.key);
    expect(now).not.toContain("determina");
    expect(now).not.toContain("decreto");
    expect(g.others.map((l) => l.key)).toContain("determina");
  });
});
