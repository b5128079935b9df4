/**
 * One rule for every total of granted money: renounced and revoked grants are left out, and
 * said to be. The dashboard (both its full list and its summary in SQL), the public pages
 * and the portfolio all count through app/domain/grant-totals.ts.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { SessionUser } from "~/auth/access";
import { excludedShort, grantTotals, withdrawalOf } from "~/domain/grant-totals";
import { loadDashboard } from "~/features/dashboard/dashboard.server";
import { refreshAssessments } from "~/models/assessment-index.server";
import { loadAssessedProgetti } from "~/models/progetti.server";
import { seedDemoData } from "../../scripts/seeds/demo";
import { insertManyProgetti } from "../support/many-progetti";
import { createTempDatabase, type TempDatabase } from "../support/temp-db";

const TODAY = "2026-11-22";
const policy = { today: TODAY, atRiskDays: 30 };
const ADMIN: SessionUser = {
  id: 1,
  email: "a@example.org",
  name: "Admin",
  role: "admin",
  unioneId: null,
  comuneIds: [],
};
const revoked = { kind: "revocato", on: null, reason: "", amountToReturnCents: null } as const;

let temp: TempDatabase | undefined;
afterEach(() => temp?.cleanup());

describe("which grants a total counts", () => {
  it("leaves out the renounced and the revoked, a negative asseverazione included", () => {
    expect(withdrawalOf("rinunciato", null)).toBe("rinunciato");
    expect(withdrawalOf("erogato", revoked)).toBe("revocato");
    expect(withdrawalOf("asseverazione-negativa", null)).toBe("revocato");
    expect(withdrawalOf("erogato", { kind: "mantenimento", until: "2030-12-31" })).toBeNull();
    expect(withdrawalOf("finanziato", null)).toBeNull();
  });

  it("sums what stands, counts groups of alike grants, and says what it left out", () => {
    const totals = grantTotals([
      { amountCents: 10_000_00, withdrawal: null },
      { amountCents: null, withdrawal: null },
      { amountCents: 5_000_00, withdrawal: "rinunciato" },
      { amountCents: 9_000_00, withdrawal: "revocato", count: 3 },
    ]);
    expect(totals).toEqual({
      amountCents: 10_000_00,
      counted: 2,
      excluded: { rinunciati: 1, revocati: 3, amountCents: 14_000_00 },
    });
    expect(excludedShort(totals.excluded)).toBe("esclusi 1 rinunciato e 3 revocati (€ 14.000,00)");
    expect(excludedShort({ rinunciati: 2, revocati: 0, amountCents: 1 })).toBe(
      "esclusi 2 rinunciati (€ 0,01)",
    );
    expect(excludedShort(grantTotals([]).excluded)).toBeNull();
  });
});

/** What the rule makes of the read model's progetti: what every dashboard must show. */
function expectedTotals(t: TempDatabase) {
  return grantTotals(
    loadAssessedProgetti(t.db, policy, undefined).map((a) => ({
      amountCents: a.amountCents,
      withdrawal: withdrawalOf(a.assessment.phase, a.assessment.closure.state),
    })),
  );
}

describe("the dashboard's money total", () => {
  it("on the full list leaves out the demo's renounced grant", () => {
    temp = createTempDatabase();
    seedDemoData({ db: temp.db, filesDir: temp.filesDir, today: TODAY });
    const dashboard = loadDashboard({ db: temp.db, policy, user: ADMIN }, new URLSearchParams());
    if (dashboard.mode !== "all") throw new Error("the demo should fit the full list");
    const expected = expectedTotals(temp);
    expect(expected.excluded.rinunciati).toBeGreaterThan(0);
    expect(dashboard.totals).toEqual(expected);
  });

  it("on the summary in SQL leaves them out too", () => {
    temp = createTempDatabase();
    seedDemoData({ db: temp.db, filesDir: temp.filesDir, today: TODAY });
    insertManyProgetti(temp.db, { count: 300, around: TODAY });
    refreshAssessments(temp.db);
    const dashboard = loadDashboard({ db: temp.db, policy, user: ADMIN }, new URLSearchParams());
    if (dashboard.mode !== "summary") throw new Error("summary expected");
    const expected = expectedTotals(temp);
    expect(expected.excluded.rinunciati).toBeGreaterThan(0);
    expect(dashboard.summary.totals).toEqual(expected);
  });
});
