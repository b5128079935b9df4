import type { Db } from "./connection";
import { auditLog } from "./schema";

/** A database handle or an open transaction on it: both can write. */
export type Writer = Pick<Db, "insert" | "update" | "delete" | "select">;

export interface AuditEntry {
  actor: string;
  action: "create" | "update" | "delete";
  entity: string;
  entityId: number | null;
  before?: unknown;
  after?: unknown;
}

export function writeAudit(tx: Writer, entry: AuditEntry): void {
  tx.insert(auditLog)
    .values({
      actor: entry.actor,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      before: entry.before ?? null,
      after: entry.after ?? null,
    })
    .run();
}
