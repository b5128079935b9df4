import type { Db } from "./connection";
import { auditLog } from "./schema";

/** A database handle or an open transaction on it: both can write. */
export type Writer = Pick<Db, "insert" | "update" | "delete" | "select">;

/** Who changes data: a signed-in user, or a batch ("seed", "import", "cli"). */
export interface Actor {
  label: string;
  userId: number | null;
}

export interface AuditEntry {
  action: "create" | "update" | "delete";
  entity: string;
  entityId: number | null;
  before?: unknown;
  after?: unknown;
}

/** Never copied into the log, whatever the entity. */
const SECRET_FIELDS = new Set(["passwordHash", "password_hash", "tokenHash", "token_hash"]);

function redact(value: unknown): unknown {
  if (value === null || value === undefined || typeof value !== "object") return value ?? null;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !SECRET_FIELDS.has(key)));
}

export function writeAudit(tx: Writer, actor: Actor, entry: AuditEntry): void {
  tx.insert(auditLog)
    .values({
      actor: actor.label,
      actorUserId: actor.userId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      before: redact(entry.before),
      after: redact(entry.after),
    })
    .run();
}
