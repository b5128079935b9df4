import { describe, expect, it } from "vitest";
import {
  checkDeadlineChange,
  type DeadlineChange,
  deadlineRulesOf,
  describeCounting,
  isQuarterEnd,
  nextQuarterEnd,
  RULES_141_DEADLINES,
  ruleColumnsOf,
} from "~/domain/avviso-rules";
import type { Deadline } from "~/domain/deadlines";

const deadline = (kind: Deadline["kind"], due: string): Deadline => ({
  kind,
  originalDue: due,
  due,
  extended: false,
  projected: false,
  capped: false,
  reopened: false,
  metOn: null,
});

const change = (over: Partial<DeadlineChange>): DeadlineChange => ({
  deadline: "completion",
  kind: "slot-trimestrale",
  grantedOn: "2024-05-02",
  days: null,
  until: "2024-09-30",
  ...over,
});

const signed = {
  contractedOn: "2023-08-23",
  deadline: deadline("completion", "2024-08-17"),
  finalDeadline: null,
};

describe("an avviso's rules as stored", () => {
  it("round-trip through the avviso's columns", () => {
    expect(deadlineRulesOf(ruleColumnsOf(RULES_141_DEADLINES))).toEqual(RULES_141_DEADLINES);
  });

  it("count nothing when a column is missing or there is no avviso", () => {
    const columns = { ...ruleColumnsOf(RULES_141_DEADLINES), contractDaysSmall: null };
    expect(deadlineRulesOf(columns).contract).toBeNull();
    expect(deadlineRulesOf(null)).toEqual({
      contract: null,
      completion: null,
      finalDeadline: null,
    });
  });

  it("are described in Italian", () => {
    expect(describeCounting(RULES_141_DEADLINES.contract)).toBe(
      "270 giorni dalla notifica del decreto (180 fino a 5.000 abitanti)",
    );
    expect(describeCounting({ from: "contratto", smallDays: 90, largeDays: 90 })).toBe(
      "90 giorni dalla contrattualizzazione",
    );
    expect(describeCounting(null)).toMatch(/piattaforma/);
  });
});

describe("quarter ends", () => {
  it.each([
    ["2024-03-31", true],
    ["2024-06-30", true],
    ["2024-09-30", true],
    ["2024-12-31", true],
    ["2024-06-31", false],
    ["2024-02-29", false],
    ["2024-04-30", false],
  ])("%s is a quarter end: %s", (date, expected) => {
    expect(isQuarterEnd(date)).toBe(expected);
  });

  it("name the next slot across a year end", () => {
    expect(nextQuarterEnd("2024-08-17")).toBe("2024-12-31");
    expect(nextQuarterEnd("2024-12-31")).toBe("2025-03-31");
    expect(nextQuarterEnd("2024-11-02")).toBe("2025-03-31");
  });
});

describe("checking a change of deadline", () => {
  it("accepts a later quarter end for a signed contract since April 2024", () => {
    expect(checkDeadlineChange(change({}), signed)).toEqual({});
  });

  it("refuses a slot before April 2024", () => {
    expect(checkDeadlineChange(change({ grantedOn: "2024-03-31" }), signed)).toEqual({
      grantedOn: "Lo slot trimestrale si può scegliere dal 1° aprile 2024",
    });
  });

  it("refuses a slot without a signed contract", () => {
    expect(checkDeadlineChange(change({}), { ...signed, contractedOn: null })).toEqual({
      grantedOn: "Lo slot trimestrale richiede un contratto già firmato",
    });
    expect(
      checkDeadlineChange(change({}), { ...signed, contractedOn: "2024-06-01" }).grantedOn,
    ).toBe("Lo slot trimestrale richiede un contratto già firmato");
  });

  it("refuses a date that is not a quarter end, or not later than the deadline", () => {
    expect(checkDeadlineChange(change({ until: "2024-09-15" }), signed).until).toMatch(
      /fine di un trimestre/,
    );
    expect(checkDeadlineChange(change({ until: "2024-06-30" }), signed).until).toMatch(
      /successivo/,
    );
  });

  it("refuses a slot for the contract deadline", () => {
    expect(
      checkDeadlineChange(change({ deadline: "contract" }), {
        ...signed,
        deadline: deadline("contract", "2023-10-20"),
      }).deadline,
    ).toMatch(/solo il completamento/);
  });

  it("refuses a slot past the avviso's last date", () => {
    expect(
      checkDeadlineChange(change({ until: "2026-06-30" }), {
        ...signed,
        finalDeadline: "2026-03-31",
      }).until,
    ).toBe("Lo slot supera la data ultima fissata per l'avviso");
  });

  it("accepts a rimessione only for a deadline already missed", () => {
    const rimessione = change({
      kind: "rimessione-in-termini",
      grantedOn: "2024-09-01",
      until: "2024-10-31",
    });
    expect(checkDeadlineChange(rimessione, signed)).toEqual({});
    expect(checkDeadlineChange({ ...rimessione, grantedOn: "2024-08-17" }, signed)).toHaveProperty(
      "grantedOn",
    );
    expect(checkDeadlineChange({ ...rimessione, until: "2024-08-31" }, signed)).toHaveProperty(
      "until",
    );
  });

  it("asks for the days of a proroga", () => {
    const proroga = change({ kind: "richiesta-pec", until: null, days: null });
    expect(checkDeadlineChange(proroga, signed)).toEqual({
      days: "Indicare i giorni di proroga concessi",
    });
    expect(checkDeadlineChange({ ...proroga, days: 30 }, signed)).toEqual({});
  });

  it("refuses a change of a deadline that is not known yet", () => {
    expect(checkDeadlineChange(change({}), { ...signed, deadline: null })).toHaveProperty(
      "deadline",
    );
  });
});
