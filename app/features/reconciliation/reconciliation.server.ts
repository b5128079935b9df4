import { and, asc, eq, inArray, isNotNull, ne, type SQL } from "drizzle-orm";
import type { Db } from "../../../db/connection";
import { comune, decreto, evento, progetto, unione } from "../../../db/schema";
import { pageOf } from "../../forms/paging";
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
    .orderBy(asc(unione.name), asc(comune.name), asc(progetto.id))
    .all();
  // The kinds of the events users entered, by progetto: one lookup per row, not a scan.
  const manual = new Map<number, Set<string>>();
  for (const e of db
    .select({ progettoId: evento.progettoId, kind: evento.kind })
    .from(evento)
    .where(and(ne(evento.source, "opendata"), inArray(evento.kind, ["rinuncia", "erogazione"])))
    .all()) {
    const kinds = manual.get(e.progettoId) ?? new Set<string>();
    kinds.add(e.kind);
    manual.set(e.progettoId, kinds);
  }
  const enteredState = (id: number) =>
    manual.get(id)?.has("rinuncia") ? "R" : manual.get(id)?.has("erogazione") ? "E" : "A";
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

/** A reconciled progetto the user should look at: a difference or an amount that does not fit. */
export function needsCheck(i: ReturnType<typeof loadReconciliation>["items"][number]): boolean {
  return i.result.differences.length > 0 || !i.result.decomposes || i.result.bandMatches === false;
}

/**
 * The page's view: the totals by Unione and one page of the progetti to check. The work is
 * bounded by the 1.4.1 progetti of the comuni in scope (one per comune and window), not by
 * the whole database; the page's HTML by the page size.
 */
export function loadReconciliationPage(
  db: Db,
  comuniFilter: SQL | undefined,
  params: URLSearchParams,
) {
  const { items, totals } = loadReconciliation(db, comuniFilter);
  const toCheck = items.filter(needsCheck);
  const page = pageOf(params, toCheck.length);
  return {
    totals,
    checked: items.length,
    page,
    rows: toCheck.slice(page.offset, page.offset + page.size),
  };
}
