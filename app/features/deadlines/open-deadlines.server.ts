import type { Db } from "../../../db/connection";
import type { SessionUser } from "../../auth/access";
import type { Policy } from "../../domain/policy";
import { visibleComuni } from "../../models/comuni.server";
import { loadAssessedProgetti, summarize } from "../../models/progetti.server";
import { openDeadlines, type StatusFilter } from "./open-deadlines";

const STATUSES: readonly StatusFilter[] = ["all", "overdue", "at-risk", "open"];

/** The open deadlines the user may see, filtered by the page's query string. */
export function loadScadenze(
  { db, policy, user }: { db: Db; policy: Policy; user: SessionUser },
  params: URLSearchParams,
) {
  const progetti = loadAssessedProgetti(db, policy, visibleComuni(user)).map(summarize);
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
    today: policy.today,
    filter,
    rows: openDeadlines(progetti, filter),
    unioni: [...unioni].sort(byName).map(([value, label]) => ({ value, label })),
    comuni: [...comuni].sort(byName).map(([value, label]) => ({ value, label })),
  };
}
