import { describe, expect, it } from "vitest";
import {
  assessClosure,
  type ClosureEvento,
  checkClosureEvent,
  closureEventDetails,
  closureEventTitle,
  describeClosureState,
  leftoverFunds,
  upkeepEndDate,
  upkeepYears,
} from "~/domain/closure";
import type { Policy } from "~/domain/policy";

const at = (today: string): Policy => ({ today, atRiskDays: 30 });
const ev = (kind: ClosureEvento["kind"], occurredOn: string, more: Partial<ClosureEvento> = {}) =>
  ({ kind, occurredOn, outcome: null, ...more }) as ClosureEvento;

/** A progetto paid in 2025, every step in order. */
const PAID: ClosureEvento[] = [
  ev("richiesta-completamento", "2025-01-15"),
  ev("asseverazione", "2025-03-01", { outcome: "positiva" }),
  ev("cre", "2025-03-10"),
  ev("richiesta-erogazione", "2025-03-12"),
  ev("richiesta-integrazione", "2025-04-01", { dueOn: "2025-04-11", repliedOn: "2025-04-09" }),
  ev("verifica-formale", "2025-05-02", { outcome: "positiva" }),
  ev("erogazione", "2025-06-10", { amountCents: 7_992_200, reference: "1234" }),
];
const FINANCED = 7_992_200;

describe("upkeep end date: five years from 31 December of the year of payment", () => {
  it.each([
    ["2025-06-10", "2030-12-31"],
    ["2025-01-01", "2030-12-31"],
    ["2025-12-31", "2030-12-31"],
    ["2026-01-01", "2031-12-31"],
    ["2024-02-29", "2029-12-31"],
    ["2028-02-29", "2033-12-31"],
    ["2099-12-31", "2104-12-31"],
  ])("paid %s → until %s", (paidOn, until) => {
    expect(upkeepEndDate(paidOn)).toBe(until);
  });

  it("asks one declaration for each of the five years after the year of payment", () => {
    expect(upkeepYears("2025-06-10")).toEqual([2026, 2027, 2028, 2029, 2030]);
    expect(upkeepYears("2024-12-31")).toEqual([2025, 2026, 2027, 2028, 2029]);
  });
});

describe("leftover funds: the lump sum received minus the contracts, minus the reuses", () => {
  it("takes the determine's amounts off what was received, then what was reused", () => {
    expect(leftoverFunds(15_523_400, [9_800_000, 2_000_000], [1_500_000])).toEqual({
      receivedCents: 15_523_400,
      contractsCents: 11_800_000,
      contractsWithoutAmount: 0,
      economieCents: 3_723_400,
      reusedCents: 1_500_000,
      leftCents: 2_223_400,
      warnings: [],
    });
  });

  it("leaves nothing when the contracts cost the whole lump sum", () => {
    const l = leftoverFunds(7_992_200, [7_992_200], []);
    expect(l.economieCents).toBe(0);
    expect(l.leftCents).toBe(0);
    expect(l.warnings).toEqual([]);
  });

  it("warns, never silently, when what is left goes negative", () => {
    expect(leftoverFunds(1_000_000, [600_000], [500_000]).warnings).toEqual([
      "I riutilizzi superano le economie di € 1.000,00.",
    ]);
    expect(leftoverFunds(1_000_000, [1_200_000], []).warnings).toEqual([
      "I contratti costano € 2.000,00 più del contributo ricevuto: non ci sono economie da riutilizzare.",
    ]);
  });

  it("warns that economie may be smaller when a determina has no amount", () => {
    expect(leftoverFunds(1_000_000, [600_000, null], []).warnings).toEqual([
      "Una determina è senza importo: le economie reali possono essere minori.",
    ]);
    expect(leftoverFunds(1_000_000, [null, null], []).warnings[0]).toMatch(/^2 determine sono/);
    expect(leftoverFunds(1_000_000, [600_000, null], []).contractsCents).toBe(600_000);
  });
});

describe("the state after payment", () => {
  const facts = (eventi: ClosureEvento[], contractCents: (number | null)[] = [6_000_000]) => ({
    eventi,
    financedCents: FINANCED,
    contractCents,
  });

  it("is in upkeep until 31/12 five years on, up to and including that day", () => {
    const onLastDay = assessClosure(facts(PAID), at("2030-12-31"));
    expect(onLastDay.state).toEqual({ kind: "mantenimento", until: "2030-12-31" });
    expect(describeClosureState(onLastDay.state ?? { kind: "mantenimento", until: "" })).toBe(
      "in mantenimento fino al 31/12/2030",
    );
    const after = assessClosure(facts(PAID), at("2031-01-01")).state;
    expect(after).toEqual({ kind: "obblighi-conclusi", until: "2030-12-31" });
    expect(after && describeClosureState(after)).toBe(
      "obblighi di mantenimento conclusi il 31/12/2030",
    );
  });

  it("has no state before payment, and records every step's date and outcome", () => {
    const a = assessClosure(facts(PAID.slice(0, 4)), at("2025-03-20"));
    expect(a.state).toBeNull();
    expect(a.completionRequestedOn).toBe("2025-01-15");
    expect(a.asseverazione).toEqual({ on: "2025-03-01", outcome: "positiva", note: null });
    expect(a.creOn).toBe("2025-03-10");
    expect(a.paymentRequestOn).toBe("2025-03-12");
    expect(a.payment).toBeNull();
    expect(a.upkeep).toBeNull();
    expect(a.leftover).toBeNull();
  });

  it("is revoked after a negative asseverazione, with nothing to give back", () => {
    const a = assessClosure(
      facts([ev("asseverazione", "2025-03-01", { outcome: "negativa", note: "C.SI.1.4" })]),
      at("2025-06-01"),
    );
    expect(a.state).toEqual({
      kind: "revocato",
      on: "2025-03-01",
      reason: "Asseverazione negativa del 01/03/2025",
      amountToReturnCents: null,
    });
    expect(a.state && describeClosureState(a.state)).toBe("revocato");
  });

  it("is revoked after a failed sample check, with the amount to return", () => {
    const withCheck = (more: Partial<ClosureEvento>) =>
      assessClosure(
        facts([
          ...PAID,
          ev("controllo-campione", "2027-02-01", { repliedOn: "2027-02-20", ...more }),
        ]),
        at("2027-06-01"),
      );
    const running = withCheck({});
    expect(running.state).toEqual({ kind: "mantenimento", until: "2030-12-31" });
    expect(running.sampleChecks).toEqual([
      {
        eventoId: null,
        requestedOn: "2027-02-01",
        documentsSentOn: "2027-02-20",
        outcome: null,
        amountToReturnCents: null,
        note: null,
      },
    ]);
    expect(withCheck({ outcome: "positiva" }).state?.kind).toBe("mantenimento");
    const failed = withCheck({ outcome: "negativa", amountCents: 7_992_200 });
    expect(failed.state).toEqual({
      kind: "revocato",
      on: null,
      reason: "Controllo a campione del 01/02/2027 con esito negativo",
      amountToReturnCents: 7_992_200,
    });
    // A revoked progetto has no upkeep nor economie to reuse.
    expect(failed.upkeep).toBeNull();
    expect(failed.leftover).toBeNull();
    // Without an amount typed, the whole payment is to return.
    expect(withCheck({ outcome: "negativa" }).state).toMatchObject({
      amountToReturnCents: 7_992_200,
    });
  });

  it("flags the declaration of upkeep missing for a past year", () => {
    const a = assessClosure(
      facts([...PAID, ev("dichiarazione-mantenimento", "2027-01-20", { year: 2026 })]),
      at("2028-05-01"),
    );
    expect(a.upkeep?.declarations).toEqual([
      { year: 2026, declaredOn: "2027-01-20", status: "presentata" },
      { year: 2027, declaredOn: null, status: "mancante" },
      { year: 2028, declaredOn: null, status: "in-corso" },
      { year: 2029, declaredOn: null, status: "futura" },
      { year: 2030, declaredOn: null, status: "futura" },
    ]);
    expect(a.upkeep?.missing).toEqual([2027]);
  });

  it("takes the open data's payment when none was recorded by hand", () => {
    const a = assessClosure(
      facts([ev("erogazione", "2024-10-08", { amountCents: 15_523_400 })], [10_000_000]),
      at("2025-01-10"),
    );
    expect(a.state).toEqual({ kind: "mantenimento", until: "2029-12-31" });
    expect(a.leftover?.economieCents).toBe(5_523_400);
  });

  it("prefers the payment recorded by hand, with its reversale, to the open data's", () => {
    const a = assessClosure(
      facts([
        ev("erogazione", "2024-10-08", { amountCents: 15_523_400, source: "opendata" }),
        ev("erogazione", "2024-10-07", { amountCents: 15_523_400, reference: "77" }),
      ]),
      at("2025-01-10"),
    );
    expect(a.payment).toEqual({ on: "2024-10-07", amountCents: 15_523_400, reversale: "77" });
  });

  it("shows what is left after the reuses of the economie", () => {
    const a = assessClosure(
      facts([
        ...PAID,
        ev("riutilizzo-economie", "2025-09-01", {
          reference: "Delibera di Giunta n. 45",
          amountCents: 1_200_000,
          note: "Formazione del personale",
        }),
      ]),
      at("2025-10-01"),
    );
    expect(a.reuses).toEqual([
      {
        on: "2025-09-01",
        act: "Delibera di Giunta n. 45",
        amountCents: 1_200_000,
        purpose: "Formazione del personale",
      },
    ]);
    expect(a.leftover).toMatchObject({
      receivedCents: 7_992_200,
      contractsCents: 6_000_000,
      economieCents: 1_992_200,
      reusedCents: 1_200_000,
      leftCents: 792_200,
    });
  });
});

describe("requests for integration: each with its own reply deadline", () => {
  const facts = (eventi: ClosureEvento[]) => ({
    eventi,
    financedCents: FINANCED,
    contractCents: [],
  });
  const base = PAID.slice(0, 4);

  it("is an open deadline until replied, with the status of any deadline", () => {
    const a = assessClosure(
      facts([
        ...base,
        ev("richiesta-integrazione", "2025-04-01", { id: 7, dueOn: "2025-04-11" }),
        ev("richiesta-integrazione", "2025-03-20", {
          id: 6,
          dueOn: "2025-03-30",
          repliedOn: "2025-04-02",
        }),
      ]),
      at("2025-04-15"),
    );
    expect(a.integrations.map((i) => [i.eventoId, i.open, i.status])).toEqual([
      [6, false, { kind: "met-late", metOn: "2025-04-02", daysLate: 3 }],
      [7, true, { kind: "overdue", daysOverdue: 4 }],
    ]);
    expect(a.nextReply?.eventoId).toBe(7);
    expect(a.nextReply?.due).toBe("2025-04-11");
  });

  it("the soonest unanswered one comes first; none once paid", () => {
    const two = [
      ...base,
      ev("richiesta-integrazione", "2025-04-01", { id: 1, dueOn: "2025-04-30" }),
      ev("richiesta-integrazione", "2025-04-02", { id: 2, dueOn: "2025-04-12" }),
    ];
    expect(assessClosure(facts(two), at("2025-04-05")).nextReply?.eventoId).toBe(2);
    const paid = [...two, ev("erogazione", "2025-06-10", { amountCents: 100 })];
    expect(assessClosure(facts(paid), at("2025-07-01")).nextReply).toBeNull();
  });
});

describe("the order of the steps after completion", () => {
  const context = { today: "2026-11-25", financedCents: FINANCED };
  const check = (e: ClosureEvento, others: ClosureEvento[] = PAID) =>
    checkClosureEvent(e, others, context);

  it("accepts each step of the real sequence in its place", () => {
    PAID.forEach((e, i) => {
      expect(check(e, PAID.slice(0, i)), e.kind).toEqual({});
    });
    expect(check(ev("dichiarazione-mantenimento", "2026-01-31", { year: 2026 }))).toEqual({});
    expect(check(ev("controllo-campione", "2026-03-01", { repliedOn: "2026-03-15" }))).toEqual({});
    expect(
      check(ev("riutilizzo-economie", "2025-09-01", { amountCents: 100, reference: "x" })),
    ).toEqual({});
  });

  it("refuses a payment before a positive asseverazione", () => {
    expect(check(ev("erogazione", "2025-06-10", { amountCents: 100 }), [])).toEqual({
      occurredOn:
        "«Erogazione del contributo» richiede prima un'asseverazione con esito positivo, con data non successiva",
    });
    // Dated before the asseverazione it follows.
    expect(
      check(ev("erogazione", "2025-02-01", { amountCents: 100 }), PAID.slice(0, 2)).occurredOn,
    ).toMatch(/richiede prima un'asseverazione con esito positivo/);
    // A partly positive one asks the comune to fix what failed: no payment request yet.
    expect(
      check(ev("richiesta-erogazione", "2025-04-01"), [
        ev("asseverazione", "2025-03-01", { outcome: "parzialmente-positiva" }),
      ]).occurredOn,
    ).toMatch(/richiede prima un'asseverazione con esito positivo/);
    expect(
      check(ev("richiesta-erogazione", "2025-06-01"), [
        ev("asseverazione", "2025-03-01", { outcome: "parzialmente-positiva" }),
        ev("asseverazione", "2025-05-20", { outcome: "positiva" }),
      ]),
    ).toEqual({});
  });

  it("refuses every step towards payment after a negative asseverazione: the revoca", () => {
    const negative = [ev("asseverazione", "2025-03-01", { outcome: "negativa" })];
    for (const kind of [
      "cre",
      "richiesta-erogazione",
      "erogazione",
      "riutilizzo-economie",
    ] as const)
      expect(check(ev(kind, "2025-04-01", { amountCents: 100 }), negative).occurredOn).toBe(
        `Dopo l'asseverazione negativa del 01/03/2025 il finanziamento è revocato: «${
          {
            cre: "Certificato di regolare esecuzione (CRE) firmato dal RUP",
            "richiesta-erogazione": "Richiesta di erogazione (Allegato 5)",
            erogazione: "Erogazione del contributo",
            "riutilizzo-economie": "Riutilizzo delle economie",
          }[kind]
        }» non si può registrare`,
      );
    expect(check(ev("asseverazione", "2025-07-01", { outcome: "negativa" })).outcome).toBe(
      "Il contributo risulta erogato il 10/06/2025: un'asseverazione negativa non è compatibile",
    );
  });

  it("refuses a payment larger than the amount financed, and a second payment", () => {
    const before = PAID.slice(0, 6);
    expect(check(ev("erogazione", "2025-06-10", { amountCents: FINANCED + 1 }), before)).toEqual({
      amount: "L'importo erogato (€ 79.922,01) supera l'importo finanziato (€ 79.922,00)",
    });
    expect(check(ev("erogazione", "2025-06-10", { amountCents: FINANCED }), before)).toEqual({});
    expect(check(ev("erogazione", "2025-07-10", { amountCents: 100 }))._form).toBe(
      "L'erogazione del contributo è unica ed è già registrata al 10/06/2025: modificare quella",
    );
    // The open data's record of the payment leaves room for the RUP's, with its reversale.
    const imported = ev("erogazione", "2025-06-10", { amountCents: FINANCED, source: "opendata" });
    expect(
      check(ev("erogazione", "2025-06-09", { amountCents: FINANCED, reference: "9" }), [
        ...before,
        imported,
      ]),
    ).toEqual({});
  });

  it("refuses a fact dated in the future, to the day", () => {
    expect(check(ev("cre", "2026-11-26"), PAID.slice(0, 2)).occurredOn).toBe(
      "La data non può essere futura (oggi è il 25/11/2026): si registrano solo fatti già avvenuti",
    );
    expect(check(ev("cre", "2026-11-25"), PAID.slice(0, 2))).toEqual({});
    expect(
      check(
        ev("richiesta-integrazione", "2026-11-01", {
          dueOn: "2026-12-31",
          repliedOn: "2026-11-30",
        }),
        PAID.slice(0, 4),
      ),
    ).toEqual({
      repliedOn:
        "La data non può essere futura (oggi è il 25/11/2026): si registrano solo fatti già avvenuti",
    });
    // A reply deadline may of course be in the future.
    expect(
      check(ev("richiesta-integrazione", "2026-11-01", { dueOn: "2026-12-31" }), PAID.slice(0, 4)),
    ).toEqual({});
  });

  it("keeps each pair of steps in order, whichever is recorded first", () => {
    expect(
      check(ev("asseverazione", "2025-01-10", { outcome: "positiva" }), PAID.slice(0, 1)),
    ).toEqual({
      occurredOn:
        "«Esito dell'asseverazione» non può precedere «Richiesta di completamento delle attività» del 15/01/2025",
    });
    expect(check(ev("richiesta-completamento", "2025-03-05"), PAID.slice(1, 2))).toEqual({
      occurredOn:
        "«Richiesta di completamento delle attività» non può seguire «Esito dell'asseverazione» del 01/03/2025",
    });
    expect(check(ev("richiesta-erogazione", "2025-03-05"), PAID.slice(0, 3)).occurredOn).toBe(
      "«Richiesta di erogazione (Allegato 5)» non può precedere «Certificato di regolare esecuzione (CRE) firmato dal RUP» del 10/03/2025",
    );
    expect(
      check(ev("erogazione", "2025-03-11", { amountCents: 100 }), PAID.slice(0, 4)).occurredOn,
    ).toBe(
      "«Erogazione del contributo» non può precedere «Richiesta di erogazione (Allegato 5)» del 12/03/2025",
    );
  });

  it("lets the comune ask again for completion after a partly positive asseverazione", () => {
    const partly = [
      ev("richiesta-completamento", "2025-01-15"),
      ev("asseverazione", "2025-03-01", { outcome: "parzialmente-positiva" }),
    ];
    expect(check(ev("richiesta-completamento", "2025-04-01"), partly)).toEqual({});
    expect(
      check(ev("asseverazione", "2025-05-01", { outcome: "positiva" }), [
        ...partly,
        ev("richiesta-completamento", "2025-04-01"),
      ]),
    ).toEqual({});
  });

  it("refuses a reply or a deadline before its request", () => {
    expect(
      check(
        ev("richiesta-integrazione", "2025-04-01", {
          dueOn: "2025-03-31",
          repliedOn: "2025-03-30",
        }),
        PAID.slice(0, 4),
      ),
    ).toEqual({
      dueOn: "Il termine per rispondere non può precedere la richiesta",
      repliedOn: "La risposta non può precedere la richiesta",
    });
  });

  it("asks for the payment before upkeep and sample checks", () => {
    const unpaid = PAID.slice(0, 6);
    expect(
      check(ev("dichiarazione-mantenimento", "2026-01-31", { year: 2026 }), unpaid).occurredOn,
    ).toBe(
      "«Dichiarazione annuale di mantenimento» richiede prima l'erogazione del contributo, con data non successiva",
    );
    expect(check(ev("controllo-campione", "2025-01-31"), PAID).occurredOn).toMatch(
      /richiede prima l'erogazione/,
    );
    expect(
      check(
        ev("controllo-campione", "2026-01-31", { outcome: "negativa", amountCents: FINANCED + 1 }),
      ),
    ).toEqual({ amount: "L'importo da restituire non può superare quello erogato (€ 79.922,00)" });
  });

  it("takes one declaration of upkeep per year, within the five years, none ahead", () => {
    const declared = [...PAID, ev("dichiarazione-mantenimento", "2026-01-31", { year: 2026 })];
    expect(check(ev("dichiarazione-mantenimento", "2026-02-01", { year: 2026 }), declared)).toEqual(
      {
        year: "La dichiarazione di mantenimento per il 2026 è già registrata",
      },
    );
    expect(check(ev("dichiarazione-mantenimento", "2026-02-01", { year: 2025 }))).toEqual({
      year: "L'anno deve essere tra il 2026 e il 2030: i cinque anni dal 31/12/2025",
    });
    expect(check(ev("dichiarazione-mantenimento", "2026-02-01", { year: 2027 }))).toEqual({
      year: "Non si dichiara il mantenimento di un anno non ancora iniziato",
    });
  });
});

describe("the timeline's words for the steps after completion", () => {
  it("names each step with its outcome, amounts and references", () => {
    expect(
      closureEventTitle(ev("asseverazione", "2025-03-01", { outcome: "parzialmente-positiva" })),
    ).toBe("Asseverazione parzialmente positiva");
    expect(closureEventTitle(ev("erogazione", "2025-06-10", { amountCents: 7_992_200 }))).toBe(
      "Erogazione di € 79.922,00",
    );
    expect(closureEventTitle(ev("dichiarazione-mantenimento", "2026-01-31", { year: 2026 }))).toBe(
      "Dichiarazione di mantenimento per il 2026",
    );
    expect(closureEventTitle(ev("controllo-campione", "2026-01-31"))).toBe(
      "Controllo a campione richiesto",
    );
    expect(closureEventDetails(ev("erogazione", "2025-06-10", { reference: "1234" }))).toEqual([
      "Reversale n. 1234",
    ]);
    expect(
      closureEventDetails(
        ev("richiesta-integrazione", "2025-04-01", {
          dueOn: "2025-04-11",
          repliedOn: "2025-04-12",
        }),
      ),
    ).toEqual(["Rispondere entro il 11/04/2025", "Risposta inviata il 12/04/2025 (in ritardo)"]);
    expect(
      closureEventDetails(
        ev("controllo-campione", "2026-01-31", {
          repliedOn: "2026-02-10",
          outcome: "negativa",
          amountCents: 100,
        }),
      ),
    ).toEqual([
      "Documenti inviati il 10/02/2026",
      "Revoca del finanziamento: da restituire € 1,00",
    ]);
    expect(
      closureEventDetails(
        ev("riutilizzo-economie", "2025-09-01", {
          reference: "Delibera n. 45",
          note: "Formazione",
        }),
      ),
    ).toEqual(["Atto: Delibera n. 45", "Finalità: Formazione"]);
  });
});
