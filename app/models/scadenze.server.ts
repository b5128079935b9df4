import type { SessionUser } from "../auth/access";
import { readConfig } from "../config.server";
import { getDb } from "../db.server";
import { openDeadlines, type StatusFilter } from "../domain/scadenze";
import { today } from "../today.server";
import { visibleComuni } from "./comuni.server";
import { listProgettoSummaries } from "./progetti.server";

const STATUSES: readonly StatusFilter[] = ["all", "overdue", "at-risk", "open"];

/** The open deadlines the user may see, filtered by the page's query string. */
export function loadScadenze(user: SessionUser, params: URLSearchParams) {
  const day = today();
  const { atRiskDays } = readConfig();
  const progetti = listProgettoSummaries(getDb(), day, atRiskDays, visibleComuni(user));
  const id = (name: string) => {
    const value = Number(params.get(name));
    return Number.isSafeInteger(value) && value > 0 ? value : null;
  };
  const status = STATUSES.find((s) => s === params.get("stato")) ?? "all";
  const filter = { unioneId: id("unione"), comuneId: id("comune"), status };
  const unioni = new Map<number, string>();
  const comuni = new Map<number, string>();
  for (const p of progetti) {
    if (p.unioneId !== null && p.unione !== null) unioni.set(p.unioneId, p.unione);
    comuni.set(p.comuneId, p.comune);
  }
  const byName = (a: [number, string], b: [number, string]) => a[1].localeCompare(b[1]);
  return {
    today: day,
    filter,
    rows: openDeadlines(progetti, day, atRiskDays, filter),
    unioni: [...unioni].sort(byName).map(([value, label]) => ({ value, label })),
    comuni: [...comuni].sort(byName).map(([value, label]) => ({ value, label })),
  };
}
