/** The read model hands each progetto its own avviso's rules, whichever of them are set. */
import { afterEach, describe, expect, it } from "vitest";
import { loadAssessedProgetti } from "~/models/progetti.server";
import { createTempDatabase, type TempDatabase } from "../support/temp-db";

let temp: TempDatabase | undefined;
afterEach(() => temp?.cleanup());

function progettoOf(t: TempDatabase, avviso: string | null) {
  const s = t.sqlite;
  const avvisoId =
    avviso === null
      ? null
      : Number(
          s
            .prepare(
              `insert into avviso (title, misura, ${avviso.split("=")[0]}) values (?, '1.2', ?)`,
            )
            .run(`Avviso ${avviso}`, avviso.split("=")[1]).lastInsertRowid,
        );
  const comune = Number(
    s.prepare("insert into comune (name) values ('Prova')").run().lastInsertRowid,
  );
  const id = Number(
    s
      .prepare(
        "insert into progetto (comune_id, avviso_id, misura, title, beneficiary_name, platform_contract_due, platform_completion_due) values (?, ?, '1.2', 'Cloud', 'Prova', '2026-12-31', '2027-12-31')",
      )
      .run(comune, avvisoId).lastInsertRowid,
  );
  const [found] = loadAssessedProgetti(
    t.db,
    { today: "2026-01-01", atRiskDays: 30 },
    undefined,
  ).filter((p) => p.progetto.id === id);
  if (!found) throw new Error("progetto not loaded");
  return found;
}

describe("an avviso's rules in the read model", () => {
  it("include a last date set on an avviso whose counting is not known", () => {
    temp = createTempDatabase();
    const p = progettoOf(temp, "final_deadline=2027-03-31");
    expect(p.avvisoRules?.finalDeadline).toBe("2027-03-31");
    expect(p.assessment.deadlines.completion).toMatchObject({ due: "2027-03-31", capped: true });
  });

  it("are none for a progetto without an avviso, whose platform dates still count", () => {
    temp = createTempDatabase();
    const p = progettoOf(temp, null);
    expect(p.avvisoRules).toBeNull();
    expect(p.assessment.deadlines.contract?.due).toBe("2026-12-31");
  });
});
