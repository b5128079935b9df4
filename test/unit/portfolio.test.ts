import { describe, expect, it } from "vitest";
import { NO_COUNTED_DEADLINES, RULES_141_DEADLINES } from "~/domain/avviso-rules";
import { assessProgetto, type EventoFacts, type ProgettoFacts } from "~/domain/progetto";
import {
  excludedNote,
  type GrantFacts,
  grantsByMisura,
  moneyTotals,
  portfolioGrant,
} from "~/features/portfolio/portfolio";
import { sampleChecksAcross, unioneMatrix, upkeepAcross } from "~/features/unione/unione-matrix";

const POLICY = { today: "2026-11-22", atRiskDays: 30 };

const evento = (
  kind: EventoFacts["kind"],
  occurredOn: string,
  more: Partial<EventoFacts> = {},
): EventoFacts => ({ kind, occurredOn, outcome: null, servizioId: null, ...more });

const facts = (over: Partial<ProgettoFacts> = {}): ProgettoFacts => ({
  rules: NO_COUNTED_DEADLINES,
  platformDeadlines: { contract: null, completion: null },
  deadlineChanges: [],
  band: 1,
  population: 2_100,
  candidaturaServices: [],
  decreto: { notifiedOn: "2024-03-01" },
  determine: [],
  istanze: [],
  eventi: [],
  officialState: "A",
  officialStateOn: "2024-02-15",
  ...over,
});

let nextId = 1;
function grant(
  comune: string,
  misura: string,
  amountEuro: number,
  over: Partial<ProgettoFacts> = {},
): GrantFacts {
  const amountCents = amountEuro * 100;
  const id = nextId++;
  return {
    progettoId: id,
    comuneId: comune.length,
    comune,
    misura,
    cup: null,
    window: null,
    amountCents,
    officialAmountCents: null,
    assessment: assessProgetto(facts({ financedCents: amountCents, ...over }), POLICY),
  };
}

/** Paid on 10/06/2025 with a contract of € 60.000 and € 5.000 of economie reused. */
const paid = (amountEuro: number, more: EventoFacts[] = []) => ({
  determine: [{ adoptedOn: "2024-05-01", contractOn: "2024-05-10", amountCents: 6_000_000 }],
  eventi: [
    evento("richiesta-completamento", "2025-01-10"),
    evento("asseverazione", "2025-03-01", { outcome: "positiva" }),
    evento("erogazione", "2025-06-10", { amountCents: amountEuro * 100 }),
    evento("riutilizzo-economie", "2025-09-01", { amountCents: 500_000 }),
    ...more,
  ],
});

describe("a grant in the portfolio", () => {
  it("after payment is in upkeep until 31 December five years on, with its leftover funds", () => {
    const g = portfolioGrant(grant("Monte", "1.4.1", 79_922, paid(79_922)));
    expect(g.state).toBe("In mantenimento fino al 31/12/2030");
    expect(g.paidCents).toBe(7_992_200);
    expect(g.paidOn).toBe("2025-06-10");
    // 79.922 received − 60.000 of contracts − 5.000 reused.
    expect(g.leftoverCents).toBe(1_492_200);
    expect(g.excluded).toBeNull();
    expect(g.next).toBeNull();
    expect(g.upkeep?.until).toBe("2030-12-31");
  });

  it("is revoked after a negative asseverazione, and leaves the totals", () => {
    const g = portfolioGrant(
      grant("Prova", "1.4.4", 14_000, {
        platformDeadlines: { contract: "2024-06-30", completion: "2025-03-31" },
        determine: [{ adoptedOn: "2024-05-01", contractOn: "2024-05-10" }],
        eventi: [
          evento("richiesta-completamento", "2025-01-10"),
          evento("asseverazione", "2025-04-01", { outcome: "negativa" }),
        ],
      }),
    );
    expect(g.state).toBe("Revocato");
    expect(g.excluded).toBe("revocato");
    expect(g.leftoverCents).toBeNull();
    // Lost money has no deadline left to meet.
    expect(g.next).toBeNull();
  });

  it("is renounced when the comune gave it up", () => {
    const g = portfolioGrant(
      grant("Villa", "1.2", 47_000, { eventi: [evento("rinuncia", "2024-06-01")] }),
    );
    expect(g.state).toBe("Rinunciato");
    expect(g.excluded).toBe("rinunciato");
    expect(g.next).toBeNull();
  });

  it("tells its next deadline: the platform's, or the reply owed to a request for integration", () => {
    const open = portfolioGrant(
      grant("Castel", "1.4.3", 10_000, {
        platformDeadlines: { contract: "2026-12-10", completion: null },
      }),
    );
    expect(open.state).toBe("Finanziato");
    expect(open.next).toMatchObject({
      label: "Contrattualizzazione fornitore",
      due: "2026-12-10",
      status: { kind: "at-risk", daysLeft: 18 },
    });
    const asked = portfolioGrant(
      grant("Castel", "1.4.1", 79_922, {
        rules: RULES_141_DEADLINES,
        determine: [{ adoptedOn: "2024-04-01", contractOn: "2024-04-10" }],
        eventi: [
          evento("sito-online", "2024-12-01"),
          evento("checklist-inviata", "2024-12-20"),
          evento("richiesta-completamento", "2025-01-10"),
          evento("asseverazione", "2025-03-01", { outcome: "positiva" }),
          evento("cre", "2025-03-05"),
          evento("richiesta-erogazione", "2025-03-06"),
          evento("richiesta-integrazione", "2026-11-15", { dueOn: "2026-11-30" }),
        ],
      }),
    );
    expect(asked.next).toMatchObject({
      label: "Risposta alla richiesta di integrazione",
      due: "2026-11-30",
    });
  });
});

describe("totals of a portfolio", () => {
  it("leave out renounced and revoked grants and say so", () => {
    const grants = [
      grant("Monte", "1.4.1", 79_922, paid(79_922)),
      grant("Monte", "1.2", 47_000, { eventi: [evento("rinuncia", "2024-06-01")] }),
      grant("Monte", "1.4.4", 14_000, {
        eventi: [
          evento("richiesta-completamento", "2025-01-10"),
          evento("asseverazione", "2025-04-01", { outcome: "negativa" }),
        ],
      }),
      grant("Monte", "1.4.3", 10_000),
    ].map(portfolioGrant);
    const totals = moneyTotals(grants);
    expect(totals).toMatchObject({
      grants: 2,
      grantedCents: 8_992_200,
      paidCents: 7_992_200,
      leftoverCents: 1_492_200,
      renounced: 1,
      revoked: 1,
      excludedCents: 6_100_000,
    });
    expect(excludedNote(totals)).toBe(
      "I totali non contano 1 finanziamento rinunciato e 1 revocato (€ 61.000,00).",
    );
    expect(excludedNote(moneyTotals(grants.slice(0, 1)))).toBeNull();
  });

  it("never lets a grant whose contracts cost more than received lower the leftover of another", () => {
    const dear = {
      determine: [{ adoptedOn: "2024-05-01", contractOn: "2024-05-10", amountCents: 9_000_000 }],
      eventi: [
        evento("asseverazione", "2025-03-01", { outcome: "positiva" }),
        evento("erogazione", "2025-06-10", { amountCents: 7_992_200 }),
      ],
    };
    const grants = [grant("A", "1.4.1", 79_922, dear), grant("A", "1.2", 79_922, paid(79_922))].map(
      portfolioGrant,
    );
    expect(grants[0]?.leftoverCents).toBe(-1_007_800);
    expect(moneyTotals(grants).leftoverCents).toBe(1_492_200);
  });

  it("groups the grants by measure in the order of the measures", () => {
    const groups = grantsByMisura(
      [grant("A", "1.4.4", 14_000), grant("A", "1.2", 47_000), grant("A", "1.4.4", 1_000)].map(
        portfolioGrant,
      ),
    );
    expect(groups.map((g) => [g.code, g.grants.length, g.totals.grantedCents])).toEqual([
      ["1.2", 1, 4_700_000],
      ["1.4.4", 2, 1_500_000],
    ]);
    expect(groups[0]?.title).toBe("Abilitazione e facilitazione migrazione al Cloud");
  });
});

describe("the Unione matrix, comune × measure", () => {
  const members = [
    { comuneId: 1, comune: "Alfa" },
    { comuneId: 2, comune: "Beta" },
    { comuneId: 3, comune: "Gamma" },
  ];
  const at = (comuneId: number, misura: string, amountEuro: number, over = {}) =>
    portfolioGrant({ ...grant(`c${comuneId}`, misura, amountEuro, over), comuneId });

  it("has a column per measure held, a cell per comune and measure, and totals both ways", () => {
    const matrix = unioneMatrix(members, [
      at(1, "1.4.1", 79_922, paid(79_922)),
      at(1, "1.2", 47_000),
      at(2, "1.2", 47_000, { eventi: [evento("rinuncia", "2024-06-01")] }),
      at(2, "1.4.4", 14_000),
    ]);
    expect(matrix.columns.map((c) => c.code)).toEqual(["1.2", "1.4.1", "1.4.4"]);
    expect(matrix.rows.map((r) => r.comune)).toEqual(["Alfa", "Beta", "Gamma"]);
    const [alfa, beta, gamma] = matrix.rows;
    expect(alfa?.cells.map((c) => c?.amountCents ?? null)).toEqual([4_700_000, 7_992_200, null]);
    expect(alfa?.cells[1]?.grants[0]?.state).toBe("In mantenimento fino al 31/12/2030");
    // A renounced grant stays in its cell, tells its state, and counts nowhere.
    expect(beta?.cells[0]?.grants[0]?.state).toBe("Rinunciato");
    expect(beta?.cells[0]?.amountCents).toBe(0);
    expect(alfa?.totals).toMatchObject({ grantedCents: 12_692_200, paidCents: 7_992_200 });
    expect(beta?.totals).toMatchObject({ grantedCents: 1_400_000, renounced: 1 });
    expect(gamma?.cells).toEqual([null, null, null]);
    expect(gamma?.totals.grantedCents).toBe(0);
    expect(matrix.columnTotals.map((t) => t.grantedCents)).toEqual([
      4_700_000, 7_992_200, 1_400_000,
    ]);
    expect(matrix.total).toMatchObject({
      grants: 3,
      grantedCents: 14_092_200,
      paidCents: 7_992_200,
      leftoverCents: 1_492_200,
      renounced: 1,
    });
  });

  it("lists the upkeep end dates and the sample checks across the Unione", () => {
    const checked = paid(79_922, [
      evento("controllo-campione", "2026-10-05", { repliedOn: "2026-10-20" }),
    ]);
    const grants = [
      at(2, "1.4.1", 79_922, checked),
      at(1, "1.2", 47_000, {
        eventi: [
          evento("asseverazione", "2024-03-01", { outcome: "positiva" }),
          evento("erogazione", "2024-06-10", { amountCents: 4_700_000 }),
        ],
      }),
      at(3, "1.4.4", 14_000),
    ];
    expect(upkeepAcross(grants).map((u) => [u.comune, u.misura, u.until])).toEqual([
      ["c1", "1.2", "2029-12-31"],
      ["c2", "1.4.1", "2030-12-31"],
    ]);
    expect(sampleChecksAcross(grants)).toEqual([
      expect.objectContaining({
        misura: "1.4.1",
        requestedOn: "2026-10-05",
        documentsSentOn: "2026-10-20",
        outcome: null,
      }),
    ]);
  });
});
