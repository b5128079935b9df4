import { and, asc, eq, isNotNull, ne, type SQL } from "drizzle-orm";
import type { Db } from "../../../db/connection";
import { comune, decreto, evento, progetto, unione } from "../../../db/schema";
import { reconcile } from "./reconciliation";

/** Every 1.4.1 progetto of a comune that the open data knows, with its reconciliation. */
export function loadReconciliation(db: Db, comuniFilter?: SQL) {
  const rows = db
    .select({
      id: progetto.id,
      comune: comune.name,
      unione: unione.name,
      cup: progetto.cup,
      population: comune.population,
      officialAmountCents: progetto.officialAmountCents,
      officialDecretoNumber: progetto.officialDecretoNumber,
      officialDecreeOn: progetto.officialDecreeOn,
      officialState: progetto.officialState,
      enteredAmountCents: progetto.amountRequestedCents,
      decretoAmountCents: decreto.amountCents,
      decretoNumber: decreto.number,
      decreeOn: decreto.decreeOn,
    })
    .from(progetto)
    .innerJoin(comune, eq(comune.id, progetto.comuneId))
    .leftJoin(unione, eq(unione.id, comune.unioneId))
    .leftJoin(decreto, eq(decreto.progettoId, progetto.id))
    .where(
      and(
        eq(progetto.misura, "1.4.1"),
        eq(progetto.beneficiaryKind, "comune"),
        isNotNull(progetto.officialAmountCents),
        comuniFilter,
      ),
    )
    .orderBy(asc(unione.name), asc(comune.name))
    .all();
  const manual = db
    .select({ progettoId: evento.progettoId, kind: evento.kind })
    .from(evento)
    .where(ne(evento.source, "opendata"))
    .all();
  const enteredState = (id: number) =>
    manual.some((e) => e.progettoId === id && e.kind === "rinuncia")
      ? "R"
      : manual.some((e) => e.progettoId === id && e.kind === "erogazione")
        ? "E"
        : "A";
  const items = rows.map((r) => ({
    ...r,
    result: reconcile({ ...r, enteredState: enteredState(r.id) }),
  }));
  const totals = new Map<string, { official: number; entered: number }>();
  for (const r of items) {
    if (!r.unione) continue;
    const t = totals.get(r.unione) ?? { official: 0, entered: 0 };
    t.official += r.officialAmountCents ?? 0;
    t.entered += r.enteredAmountCents ?? r.officialAmountCents ?? 0;
    totals.set(r.unione, t);
  }
  return { items, totals: [...totals].map(([name, t]) => ({ name, ...t })) };
}
