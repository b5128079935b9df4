import { describe, expect, it } from "vitest";
import { RULES_141_DEADLINES } from "~/domain/avviso-rules";
import { assessProgetto, type ProgettoFacts } from "~/domain/progetto";
import {
  openDeadlines,
  type ProgettoForScadenze,
  scadenzaRow,
} from "~/features/deadlines/open-deadlines";
import { toCsv } from "~/infra/csv";

/** The policy of a request on that day, with the default at-risk window. */
const on = (today: string, atRiskDays = 30) => ({ today, atRiskDays });

const TODAY = "2023-09-25";
const facts = (over: Partial<ProgettoFacts>): ProgettoFacts => ({
  rules: RULES_141_DEADLINES,
  platformDeadlines: { contract: null, completion: null },
  deadlineChanges: [],
  band: 2,
  population: null,
  candidaturaServices: [],
  decreto: { notifiedOn: "2023-01-23" },
  determine: [],
  istanze: [],
  eventi: [],
  officialState: "A",
  officialStateOn: null,
  ...over,
});
const progetto = (
  id: number,
  comune: string,
  unioneId: number | null,
  over: Partial<ProgettoFacts>,
): ProgettoForScadenze => ({
  id,
  comuneId: id,
  comune,
  unioneId,
  unione: unioneId ? "Unione" : null,
  cup: `CUP${id}`,
  assessment: assessProgetto(facts(over), on(TODAY)),
});

const progetti = [
  progetto(1, "Contrattato", 7, { determine: [{ adoptedOn: "2023-08-23", contractOn: null }] }),
  progetto(2, "In attesa", 7, {}),
  progetto(3, "Piccolo in ritardo", null, { band: 1 }),
  progetto(4, "Erogato", null, { officialState: "E", officialStateOn: "2023-09-01" }),
];
const all = { unioneId: null, comuneId: null, status: "all" } as const;

describe("the open deadlines", () => {
  it("lists every deadline not yet met, soonest first, and none of closed progetti", () => {
    expect(
      openDeadlines(progetti, all).map((r) => [
        r.comune,
        r.deadline.kind,
        r.deadline.due,
        r.status.kind,
      ]),
    ).toEqual([
      ["Piccolo in ritardo", "contract", "2023-07-22", "overdue"],
      ["In attesa", "contract", "2023-10-20", "at-risk"],
      ["Piccolo in ritardo", "completion", "2024-04-17", "open"],
      ["Contrattato", "completion", "2024-08-17", "open"],
      ["In attesa", "completion", "2024-10-14", "open"],
    ]);
  });

  it("filters by Unione, comune and status", () => {
    expect(openDeadlines(progetti, { ...all, unioneId: 7 }).map((r) => r.comune)).toEqual([
      "In attesa",
      "Contrattato",
      "In attesa",
    ]);
    expect(openDeadlines(progetti, { ...all, comuneId: 3 })).toHaveLength(2);
    expect(openDeadlines(progetti, { ...all, status: "overdue" }).map((r) => r.comune)).toEqual([
      "Piccolo in ritardo",
    ]);
  });

  it("exports rows with Italian dates and words", () => {
    const [first] = openDeadlines(progetti, all);
    expect(first && scadenzaRow(first)).toEqual([
      "Piccolo in ritardo",
      "",
      "CUP3",
      "Contrattualizzazione fornitore",
      "22/07/2023",
      "",
      "no",
      "Scaduta da 65 giorni",
    ]);
  });
});

describe("CSV", () => {
  it("quotes what needs quoting; the Excel-Italian flavour uses semicolons and a BOM", () => {
    const rows = [
      ["Comune", "Nota"],
      ["Santa Margherita Ligure", 'disse "sì"; poi'],
      ["Pisa", null],
    ];
    expect(toCsv(rows, { excelItalian: true })).toBe(
      '\uFEFFComune;Nota\r\nSanta Margherita Ligure;"disse ""sì""; poi"\r\nPisa;\r\n',
    );
    expect(toCsv([["a,b", 1]], { excelItalian: false })).toBe('"a,b",1\r\n');
  });
});

describe("the reply to a request for integration", () => {
  const awaiting = (repliedOn: string | null) =>
    progetto(9, "In verifica", 7, {
      decreto: { notifiedOn: "2022-09-05" },
      determine: [{ adoptedOn: "2022-12-01", contractOn: "2022-12-15" }],
      eventi: [
        { kind: "sito-online", occurredOn: "2023-06-30", servizioId: null, outcome: null },
        { kind: "checklist-inviata", occurredOn: "2023-07-10", servizioId: null, outcome: null },
        { kind: "asseverazione", occurredOn: "2023-08-01", servizioId: null, outcome: "positiva" },
        { kind: "richiesta-erogazione", occurredOn: "2023-08-20", servizioId: null, outcome: null },
        {
          kind: "richiesta-integrazione",
          occurredOn: "2023-09-15",
          servizioId: null,
          outcome: null,
          dueOn: "2023-10-05",
          repliedOn,
        },
      ],
    });

  it("is an open deadline of the list, with its own label, until the comune replies", () => {
    const rows = openDeadlines([awaiting(null)], all);
    expect(rows.map((r) => [r.label, r.deadline.kind, r.deadline.due, r.status.kind])).toEqual([
      ["Risposta alla richiesta di integrazione", "integration", "2023-10-05", "at-risk"],
    ]);
    expect(scadenzaRow(rows[0] as (typeof rows)[number])).toEqual([
      "In verifica",
      "Unione",
      "CUP9",
      "Risposta alla richiesta di integrazione",
      "05/10/2023",
      "",
      "no",
      "A rischio (10 giorni rimasti)",
    ]);
    expect(openDeadlines([awaiting(null)], { ...all, status: "open" })).toEqual([]);
    expect(openDeadlines([awaiting("2023-09-20")], all)).toEqual([]);
  });
});
