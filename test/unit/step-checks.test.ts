import { describe, expect, it } from "vitest";
import {
  asseverazioneWithOpenChecklistWarning,
  checkCandidaturaDates,
  checkDecreto,
  checkDetermina,
  contractBeforeNotificationWarning,
  futureFactError,
  unconfirmed,
} from "~/domain/step-checks";

const TODAY = "2026-11-22";
const FUTURE =
  "La data non può essere futura (oggi è il 22/11/2026): si registrano solo fatti già avvenuti";

describe("a fact that already happened is never in the future", () => {
  it.each([
    ["2026-11-21", null],
    ["2026-11-22", null],
    ["2026-11-23", FUTURE],
    ["2030-01-01", FUTURE],
    [null, null],
  ])("%s → %s", (date, expected) => expect(futureFactError(date, TODAY)).toBe(expected));
});

describe("decreto", () => {
  const context = { today: TODAY, candidaturaSentOn: "2022-09-24", contracts: [] as string[] };
  const check = (decreeOn: string, notifiedOn: string | null, extra = {}) =>
    checkDecreto({ decreeOn, notifiedOn }, { ...context, ...extra });

  it("accepts the usual order: candidatura, decreto, notification, contract", () => {
    expect(check("2023-01-03", "2023-01-23", { contracts: ["2023-08-23"] })).toEqual({
      errors: {},
      warnings: [],
    });
  });

  it.each([
    // decreeOn, notifiedOn, field, message
    [
      "2022-09-01",
      null,
      "decreeOn",
      "Il decreto non può precedere l'invio della candidatura (24/09/2022)",
    ],
    ["2022-09-24", null, null, null],
    ["2026-11-23", null, "decreeOn", FUTURE],
    ["2023-01-03", "2026-12-01", "notifiedOn", FUTURE],
    [
      "2023-01-03",
      "2023-01-02",
      "notifiedOn",
      "La data di notifica non può precedere la data del decreto",
    ],
    ["2023-01-03", "2023-01-03", null, null],
  ])("decreto %s notified %s: %s", (decreeOn, notifiedOn, field, message) => {
    const { errors } = check(decreeOn, notifiedOn);
    expect(errors).toEqual(field ? { [field]: message } : {});
  });

  it("refuses both a decreto before the candidatura and a notification before the decreto", () => {
    expect(check("2022-09-01", "2022-08-01").errors).toEqual({
      decreeOn: "Il decreto non può precedere l'invio della candidatura (24/09/2022)",
      notifiedOn: "La data di notifica non può precedere la data del decreto",
    });
  });

  it("has nothing to compare without a candidatura date", () => {
    expect(check("2020-01-01", null, { candidaturaSentOn: null }).errors).toEqual({});
  });

  it("warns, on the notification, when a recorded contract came before it", () => {
    const { errors, warnings } = check("2023-01-03", "2023-02-01", {
      contracts: ["2023-08-23", "2023-01-20"],
    });
    expect(errors).toEqual({});
    expect(warnings.map((w) => [w.code, w.field])).toEqual([
      ["contratto-prima-della-notifica", "notifiedOn"],
    ]);
    expect(warnings[0]?.message).toBe(
      "Il contratto (20/01/2023) è precedente alla notifica del decreto (01/02/2023).",
    );
  });
});

describe("candidatura", () => {
  it.each([
    ["2022-09-24", null, {}],
    ["2022-09-24", "2023-01-03", {}],
    ["2026-11-23", null, { sentOn: FUTURE }],
    [
      "2023-02-01",
      "2023-01-03",
      { sentOn: "La candidatura non può seguire il decreto che la finanzia (03/01/2023)" },
    ],
  ])("sent %s, decreto %s", (sentOn, decreeOn, errors) => {
    expect(checkCandidaturaDates({ sentOn }, { today: TODAY, decreeOn })).toEqual({
      errors,
      warnings: [],
    });
  });
});

describe("determina and contract", () => {
  const check = (adoptedOn: string, contractOn: string | null, notifiedOn: string | null) =>
    checkDetermina({ adoptedOn, contractOn }, { today: TODAY, notifiedOn });

  it.each([
    // adoptedOn, contractOn, notifiedOn, errors, warned field
    ["2023-08-23", "2023-09-01", "2023-01-23", {}, null],
    ["2023-01-23", "2023-01-23", "2023-01-23", {}, null],
    ["2023-01-05", "2023-01-10", "2023-01-23", {}, "contractOn"],
    // Without a contract date the determina's counts, as the form says.
    ["2023-01-05", null, "2023-01-23", {}, "adoptedOn"],
    ["2023-01-05", "2023-01-10", null, {}, null],
    ["2026-11-23", null, "2023-01-23", { adoptedOn: FUTURE }, null],
    ["2026-11-01", "2026-12-01", "2023-01-23", { contractOn: FUTURE }, null],
  ])(
    "adopted %s, contract %s, notified %s",
    (adoptedOn, contractOn, notifiedOn, errors, warned) => {
      const result = check(adoptedOn, contractOn, notifiedOn);
      expect(result.errors).toEqual(errors);
      expect(result.warnings.map((w) => w.field)).toEqual(warned ? [warned] : []);
    },
  );

  it("says what the user confirms", () => {
    expect(contractBeforeNotificationWarning("2023-01-23", "2023-01-10")?.confirm).toBe(
      "il contratto è stato firmato prima della notifica del decreto",
    );
  });
});

describe("asseverazione with the checklist still open", () => {
  it.each([
    [{ total: 92, open: 92, failing: 0 }, "92 voci su 92"],
    [{ total: 92, open: 1, failing: 0 }, "1 voci su 92"],
    [{ total: 92, open: 0, failing: 3 }, "3 voci su 92"],
    [{ total: 92, open: 0, failing: 0 }, null],
    [{ total: 0, open: 0, failing: 0 }, null],
  ])("%o", (checklist, part) => {
    const warning = asseverazioneWithOpenChecklistWarning(checklist);
    if (part === null) expect(warning).toBeNull();
    else expect(warning?.message).toContain(part);
  });
});

describe("confirmation", () => {
  const warning = contractBeforeNotificationWarning("2023-01-23", "2023-01-10");
  const warnings = warning ? [warning] : [];
  it("keeps what is not confirmed, drops what is", () => {
    expect(unconfirmed(warnings, [])).toEqual(warnings);
    expect(unconfirmed(warnings, ["altro"])).toEqual(warnings);
    expect(unconfirmed(warnings, ["contratto-prima-della-notifica"])).toEqual([]);
  });
});
