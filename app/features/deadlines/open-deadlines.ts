/** The open deadlines across progetti, soonest first, for the Scadenze page and its export. */
import {
  DEADLINE_LABELS,
  type Deadline,
  type DeadlineStatus,
  describeStatus,
} from "../../domain/deadlines";
import { formatDate } from "../../domain/format";
import { isClosed } from "../../domain/phase";
import type { ProgettoAssessment } from "../../domain/progetto";

export interface ProgettoForScadenze {
  id: number;
  comuneId: number;
  comune: string;
  unioneId: number | null;
  unione: string | null;
  cup: string | null;
  assessment: ProgettoAssessment;
}

/** A deadline of the list: the avviso's two, or the reply to a request for integration. */
export type ListedKind = Deadline["kind"] | "integration";
export type ListedDeadline = Omit<Deadline, "kind"> & { kind: ListedKind };

export const INTEGRATION_LABEL = "Risposta alla richiesta di integrazione";

export interface OpenDeadline {
  progettoId: number;
  comuneId: number;
  comune: string;
  unioneId: number | null;
  unione: string | null;
  cup: string | null;
  deadline: ListedDeadline;
  label: string;
  status: DeadlineStatus;
}

export type StatusFilter = "all" | "overdue" | "at-risk" | "open";

export interface ScadenzeFilter {
  unioneId: number | null;
  comuneId: number | null;
  status: StatusFilter;
}

export function openDeadlines(
  progetti: readonly ProgettoForScadenze[],
  filter: ScadenzeFilter,
): OpenDeadline[] {
  const rows: OpenDeadline[] = [];
  for (const p of progetti) {
    if (isClosed(p.assessment.phase)) continue;
    if (filter.unioneId !== null && p.unioneId !== filter.unioneId) continue;
    if (filter.comuneId !== null && p.comuneId !== filter.comuneId) continue;
    for (const kind of ["contract", "completion"] as const) {
      const deadline = p.assessment.deadlines[kind];
      const status = p.assessment.statuses[kind];
      if (deadline === null || status === null || deadline.metOn !== null) continue;
      if (filter.status !== "all" && status.kind !== filter.status) continue;
      const { id, comuneId, comune, unioneId, unione, cup } = p;
      const label = DEADLINE_LABELS[kind];
      rows.push({
        progettoId: id,
        comuneId,
        comune,
        unioneId,
        unione,
        cup,
        deadline,
        label,
        status,
      });
    }
    const reply = p.assessment.closure.nextReply;
    if (reply && (filter.status === "all" || reply.status.kind === filter.status)) {
      const { id, comuneId, comune, unioneId, unione, cup } = p;
      rows.push({
        progettoId: id,
        comuneId,
        comune,
        unioneId,
        unione,
        cup,
        deadline: {
          kind: "integration",
          originalDue: reply.due,
          due: reply.due,
          extended: false,
          capped: false,
          reopened: false,
          projected: false,
          metOn: null,
        },
        label: INTEGRATION_LABEL,
        status: reply.status,
      });
    }
  }
  return rows.sort(
    (a, b) => a.deadline.due.localeCompare(b.deadline.due) || a.comune.localeCompare(b.comune),
  );
}

export const SCADENZE_HEADER = [
  "Comune",
  "Unione",
  "CUP",
  "Scadenza",
  "Entro il",
  "Scadenza originaria",
  "Stimata",
  "Stato",
] as const;

export function scadenzaRow(r: OpenDeadline): string[] {
  return [
    r.comune,
    r.unione ?? "",
    r.cup ?? "",
    r.label,
    formatDate(r.deadline.due),
    r.deadline.extended ? formatDate(r.deadline.originalDue) : "",
    r.deadline.projected ? "sì" : "no",
    describeStatus(r.status),
  ];
}
