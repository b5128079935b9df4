import { eq } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { type Actor, type Writer, writeAudit } from "../../db/audit";

/**
 * The one path for user edits: each write records who changed which row, with the row
 * before and after, in the same transaction as the change itself.
 */
type TableWithId = SQLiteTable & { id: SQLiteColumn };

export function auditedInsert<R extends { id: number }>(
  tx: Writer,
  actor: Actor,
  entity: string,
  table: TableWithId,
  values: Record<string, unknown>,
): R {
  const row = tx.insert(table).values(values).returning().get() as R;
  writeAudit(tx, actor, { action: "create", entity, entityId: row.id, after: row });
  return row;
}

export function auditedUpdate<R extends { id: number }>(
  tx: Writer,
  actor: Actor,
  entity: string,
  table: TableWithId,
  id: number,
  patch: Record<string, unknown>,
): R | null {
  const before = tx.select().from(table).where(eq(table.id, id)).get();
  if (!before) return null;
  const after = tx
    .update(table)
    .set({ ...patch, ...("updatedAt" in table ? { updatedAt: new Date().toISOString() } : {}) })
    .where(eq(table.id, id))
    .returning()
    .get() as R;
  writeAudit(tx, actor, { action: "update", entity, entityId: id, before, after });
  return after;
}

export function auditedDelete(
  tx: Writer,
  actor: Actor,
  entity: string,
  table: TableWithId,
  id: number,
): boolean {
  const before = tx.select().from(table).where(eq(table.id, id)).get();
  if (!before) return false;
  tx.delete(table).where(eq(table.id, id)).run();
  writeAudit(tx, actor, { action: "delete", entity, entityId: id, before });
  return true;
}

export function actorOf(user: { id: number; email: string }): Actor {
  return { label: user.email, userId: user.id };
}
