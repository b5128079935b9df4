import type Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import type { Db } from "./connection";
import { auditLog, dataVersion } from "./schema";

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
  bumpDataVersion(tx);
}

/**
 * Call inside the transaction of a write: a reader sees the new version exactly when it sees
 * the change. writeAudit does; a batch that may write without an audit entry calls it too.
 */
export function bumpDataVersion(tx: Writer): void {
  for (const listener of bumpListeners) listener();
  tx.insert(dataVersion)
    .values({ id: 1, version: 1 })
    .onConflictDoUpdate({
      target: dataVersion.id,
      set: { version: sql`${dataVersion.version} + 1`, changedAt: sql`excluded.changed_at` },
    })
    .run();
}

const bumpListeners = new Set<() => void>();

/** A child process (an import, a job) has ended: what it wrote must be seen at once. */
export function dataVersionMayHaveChanged(): void {
  for (const listener of bumpListeners) listener();
}

/** Called on every bump made in this process (a memo of the version drops its value). */
export function onDataVersionBump(listener: () => void): void {
  bumpListeners.add(listener);
}

export interface DataVersion {
  /** 0 before the first audited write. */
  id: number;
  /** When the last audited write was made (ISO), null before the first. */
  at: string | null;
}

const versionReads = new WeakMap<Database.Database, Database.Statement>();

/** Changes with every audited write; one primary-key lookup, with the statement kept. */
export function readDataVersion(db: Pick<Db, "$client">): DataVersion {
  let read = versionReads.get(db.$client);
  if (!read) {
    read = db.$client.prepare("select version, changed_at from data_version where id = 1");
    versionReads.set(db.$client, read);
  }
  const row = read.get() as { version: number; changed_at: string } | undefined;
  return { id: row?.version ?? 0, at: row?.changed_at ?? null };
}
