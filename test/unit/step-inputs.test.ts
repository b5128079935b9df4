import { describe, expect, it } from "vitest";
import { fieldErrors } from "~/forms/field-errors";
import { DecretoInput, DeterminaInput, EventoInput, IstanzaInput } from "~/forms/step-inputs";

const errorsOf = (result: { success: boolean; error?: unknown }) =>
  result.success ? {} : fieldErrors(result.error as Parameters<typeof fieldErrors>[0]);

describe("decreto input", () => {
  const valid = {
    number: "135 - 1 / 2022",
    decreeOn: "2023-01-03",
    notifiedOn: "2023-01-23",
    amount: "155.234,00",
    cup: "g51f22003070006",
  };

  it("reads Santa Margherita Ligure's decree", () => {
    expect(DecretoInput.parse(valid)).toEqual({
      ...valid,
      amount: 15_523_400,
      cup: "G51F22003070006",
    });
  });

  it("refuses a CUP that is not 15 letters and digits", () => {
    expect(errorsOf(DecretoInput.safeParse({ ...valid, cup: "G51F2200307000" }))).toEqual({
      cup: "Il CUP non è scritto correttamente: 15 caratteri, una lettera, due cifre, una lettera e 11 cifre, per esempio G51F22003070006",
    });
  });

  it("refuses a notification before the decree", () => {
    expect(errorsOf(DecretoInput.safeParse({ ...valid, notifiedOn: "2023-01-02" }))).toEqual({
      notifiedOn: "La data di notifica non può precedere la data del decreto",
    });
  });

  it("refuses impossible dates and amounts", () => {
    expect(
      errorsOf(DecretoInput.safeParse({ ...valid, decreeOn: "2023-02-30", amount: "tanti" })),
    ).toEqual({
      decreeOn: "Inserire la data del decreto",
      amount: "Inserire un importo in euro, per esempio 155.234,00",
    });
  });
});

describe("determina input", () => {
  const valid = {
    number: "922",
    adoptedOn: "2023-08-23",
    supplierName: "C&C Sistemi Srl",
    supplierVat: "",
    cig: "",
    amount: "",
    contractOn: "",
  };

  it("accepts a determina with only the essentials", () => {
    expect(DeterminaInput.parse(valid)).toMatchObject({
      supplierVat: null,
      cig: null,
      amount: null,
      contractOn: null,
    });
  });

  it("checks the partita IVA's check digit and the CIG's length", () => {
    expect(
      errorsOf(
        DeterminaInput.safeParse({ ...valid, supplierVat: "00488410011", cig: "Z0A1B2C3D" }),
      ),
    ).toEqual({
      supplierVat: "Partita IVA non valida: 11 cifre con cifra di controllo corretta",
      cig: "Il CIG non è scritto correttamente: 10 caratteri, per esempio 8915724AB3 o ZB12345678 (cifre e lettere da A a F dopo il primo carattere)",
    });
    expect(
      DeterminaInput.parse({ ...valid, supplierVat: "IT 00488410010", cig: "z0a1b2c3d4" }),
    ).toMatchObject({
      supplierVat: "00488410010",
      cig: "Z0A1B2C3D4",
    });
  });
});

describe("istanza di modifica input", () => {
  const swap = {
    kind: "sostituzione-servizi",
    sentOn: "2023-05-22",
    reason: "inPA",
    removed: ["21"],
    added: ["25"],
    deadlineKind: "",
    requestedDeadline: "",
    grantedDeadline: "",
    outcome: "accolta",
    outcomeOn: "2023-06-15",
  };

  it("reads a service substitution", () => {
    expect(IstanzaInput.parse(swap)).toMatchObject({
      removed: [21],
      added: [25],
      deadlineKind: null,
    });
  });

  it("needs a date for a decided outcome, and none for a pending one", () => {
    expect(errorsOf(IstanzaInput.safeParse({ ...swap, outcomeOn: "" }))).toEqual({
      outcomeOn: "Indicare la data dell'esito",
    });
    expect(errorsOf(IstanzaInput.safeParse({ ...swap, outcome: "in-attesa" }))).toEqual({
      outcomeOn: "Un'istanza in attesa non ha data di esito",
    });
  });

  it("needs the deadline asked and, once accepted, the deadline granted for a timetable change", () => {
    const timetable = {
      ...swap,
      kind: "cronoprogramma",
      removed: [],
      added: [],
      deadlineKind: "completion",
      requestedDeadline: "2024-12-31",
    };
    expect(errorsOf(IstanzaInput.safeParse(timetable))).toEqual({
      grantedDeadline: "Indicare la scadenza concessa",
    });
    expect(IstanzaInput.parse({ ...timetable, grantedDeadline: "2024-11-30" })).toMatchObject({
      deadlineKind: "completion",
      grantedDeadline: "2024-11-30",
    });
  });
});

describe("evento input", () => {
  it("asks which service went online, the asseverazione outcome and the amount paid", () => {
    const base = { occurredOn: "2024-05-10", servizioId: "", outcome: "", amount: "", note: "" };
    expect(errorsOf(EventoInput.safeParse({ ...base, kind: "servizio-online" }))).toEqual({
      servizioId: "Indicare quale servizio è online",
    });
    expect(errorsOf(EventoInput.safeParse({ ...base, kind: "asseverazione" }))).toEqual({
      outcome: "Indicare l'esito dell'asseverazione",
    });
    expect(errorsOf(EventoInput.safeParse({ ...base, kind: "erogazione" }))).toEqual({
      amount: "Indicare l'importo erogato",
    });
    expect(
      EventoInput.parse({ ...base, kind: "erogazione", amount: "155.234,00", servizioId: "3" }),
    ).toMatchObject({
      amount: 15_523_400,
      servizioId: null,
    });
  });
});

describe("evento input after completion", () => {
  const base = { occurredOn: "2025-04-01", note: "" };

  it("asks each kind for the fields it needs, in Italian", () => {
    expect(errorsOf(EventoInput.safeParse({ ...base, kind: "richiesta-integrazione" }))).toEqual({
      dueOn: "Indicare il termine entro cui rispondere",
    });
    expect(errorsOf(EventoInput.safeParse({ ...base, kind: "verifica-formale" }))).toEqual({
      outcome: "Indicare l'esito delle verifiche formali",
    });
    expect(
      errorsOf(EventoInput.safeParse({ ...base, kind: "dichiarazione-mantenimento" })),
    ).toEqual({ year: "Indicare l'anno a cui si riferisce la dichiarazione" });
    expect(errorsOf(EventoInput.safeParse({ ...base, kind: "riutilizzo-economie" }))).toEqual({
      reference: "Indicare l'atto che dispone il riutilizzo",
      amount: "Indicare l'importo riutilizzato",
      note: "Indicare la finalità del riutilizzo",
    });
    expect(
      errorsOf(EventoInput.safeParse({ ...base, kind: "dichiarazione-mantenimento", year: "26" })),
    ).toEqual({ year: "Indicare un anno, per esempio 2026" });
  });

  it("takes the three outcomes of an asseverazione, two of a check", () => {
    expect(
      EventoInput.parse({ ...base, kind: "asseverazione", outcome: "parzialmente-positiva" }),
    ).toMatchObject({ outcome: "parzialmente-positiva" });
    expect(
      errorsOf(
        EventoInput.safeParse({
          ...base,
          kind: "verifica-formale",
          outcome: "parzialmente-positiva",
        }),
      ),
    ).toEqual({ outcome: "Esito non previsto per questo passaggio" });
  });

  it("takes an amount to return only with a failed sample check", () => {
    const check = { ...base, kind: "controllo-campione", repliedOn: "2025-04-10", amount: "1.000" };
    expect(errorsOf(EventoInput.safeParse(check))).toEqual({
      amount: "L'importo da restituire si indica solo con esito negativo (revoca)",
    });
    expect(EventoInput.parse({ ...check, outcome: "negativa" })).toMatchObject({
      amount: 100_000,
      repliedOn: "2025-04-10",
      outcome: "negativa",
    });
    // In progress: no outcome yet.
    expect(EventoInput.parse({ ...check, amount: "" })).toMatchObject({ outcome: null });
  });

  it("clears what the kind does not use, whatever was posted", () => {
    expect(
      EventoInput.parse({
        ...base,
        kind: "erogazione",
        amount: "79.922,00",
        reference: "412",
        dueOn: "2025-05-01",
        year: "2026",
        outcome: "positiva",
      }),
    ).toEqual({
      kind: "erogazione",
      occurredOn: "2025-04-01",
      servizioId: null,
      outcome: null,
      amount: 7_992_200,
      reference: "412",
      dueOn: null,
      repliedOn: null,
      year: null,
      note: null,
    });
  });
});
