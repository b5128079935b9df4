/** A comune's grants of every measure, from the one read model. */
import { eq } from "drizzle-orm";
import type { Db } from "../../../db/connection";
import { progetto } from "../../../db/schema";
import type { Policy } from "../../domain/policy";
import { type AssessedProgetto, loadAssessedProgetti } from "../../models/progetti.server";
import { type GrantFacts, grantsByMisura, moneyTotals, portfolioGrant } from "./portfolio";

export function grantFactsOf(a: AssessedProgetto): GrantFacts {
  return {
    progettoId: a.progetto.id,
    comuneId: a.comune.id,
    comune: a.comune.name,
    misura: a.progetto.misura,
    cup: a.progetto.cup,
    window: a.progetto.officialWindow,
    amountCents: a.amountCents,
    officialAmountCents: a.progetto.officialAmountCents,
    assessment: a.assessment,
  };
}

/**
 * The comune's own grants by measure with their totals; the progetti of schools and other
 * enti located in the comune are listed apart, since they are not the comune's money.
 */
export function loadComunePortfolio(db: Db, policy: Policy, comuneId: number) {
  const progetti = loadAssessedProgetti(db, policy, eq(progetto.comuneId, comuneId));
  const own = progetti.filter((p) => p.progetto.beneficiaryKind === "comune");
  const grants = own.map((p) => portfolioGrant(grantFactsOf(p)));
  return {
    groups: grantsByMisura(grants),
    totals: moneyTotals(grants),
    others: progetti
      .filter((p) => p.progetto.beneficiaryKind !== "comune")
      .map((p) => ({
        id: p.progetto.id,
        misura: p.progetto.misura,
        beneficiary: p.progetto.beneficiaryName,
        cup: p.progetto.cup,
      })),
  };
}
