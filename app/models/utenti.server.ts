import { asc, count, eq, inArray } from "drizzle-orm";
import type { Actor, Writer } from "../../db/audit";
import type { Db } from "../../db/connection";
import { comune, loginThrottle, unione, utente, utenteComune } from "../../db/schema";
import type { SessionUser } from "../auth/access";
import { hashPassword, timingDummyHash, verifyPassword } from "../auth/password.server";
import {
  afterFailure,
  lockRemaining,
  PER_ACCOUNT,
  PER_ADDRESS,
  type ThrottleRule,
} from "../auth/throttle";
import type { UtenteInput } from "../forms/utente-input";
import { auditedInsert, auditedUpdate } from "./audited.server";
import { groupBy } from "./progetti.server";

export class DuplicateEmailError extends Error {
  constructor(email: string) {
    super(`Esiste già un account con l'email ${email}`);
  }
}

function emailTaken(db: Writer, email: string, exceptId?: number): boolean {
  const found = db.select({ id: utente.id }).from(utente).where(eq(utente.email, email)).get();
  return found !== undefined && found.id !== exceptId;
}

function setComuni(tx: Writer, utenteId: number, comuneIds: readonly number[]): void {
  tx.delete(utenteComune).where(eq(utenteComune.utenteId, utenteId)).run();
  for (const comuneId of comuneIds) tx.insert(utenteComune).values({ utenteId, comuneId }).run();
}

export async function createUtente(
  db: Db,
  actor: Actor,
  input: UtenteInput,
  password: string,
): Promise<number> {
  const passwordHash = await hashPassword(password);
  return db.transaction((tx) => {
    if (emailTaken(tx, input.email)) throw new DuplicateEmailError(input.email);
    const { comuneIds, ...fields } = input;
    const row = auditedInsert<{ id: number }>(tx, actor, "utente", utente, {
      ...fields,
      passwordHash,
    });
    setComuni(tx, row.id, comuneIds);
    return row.id;
  });
}

export function updateUtente(db: Db, actor: Actor, id: number, input: UtenteInput): boolean {
  return db.transaction((tx) => {
    if (emailTaken(tx, input.email, id)) throw new DuplicateEmailError(input.email);
    const { comuneIds, ...fields } = input;
    const updated = auditedUpdate(tx, actor, "utente", utente, id, fields);
    if (updated) setComuni(tx, id, comuneIds);
    return updated !== null;
  });
}

export async function setPassword(
  db: Db,
  actor: Actor,
  id: number,
  password: string,
): Promise<void> {
  const passwordHash = await hashPassword(password);
  db.transaction((tx) => {
    auditedUpdate(tx, actor, "utente", utente, id, { passwordHash });
  });
}

export type SignInResult =
  | { ok: true; userId: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAfterMs: number };

/**
 * Checks e-mail and password with throttling. Unknown e-mail and wrong password give the
 * same answer and take the same time, so the form does not reveal who has an account.
 */
export async function signIn(
  db: Db,
  email: string,
  password: string,
  address: string,
): Promise<SignInResult> {
  let userId: number | null = null;
  const result = await throttled(
    db,
    [
      [`account:${email}|${address}`, PER_ACCOUNT],
      [`address:${address}`, PER_ADDRESS],
    ],
    async () => {
      const found = db.select().from(utente).where(eq(utente.email, email)).get();
      const valid = await verifyPassword(
        password,
        found?.passwordHash ?? (await timingDummyHash()),
      );
      userId = found?.active && valid ? found.id : null;
      return userId !== null;
    },
  );
  return result.ok && userId !== null ? { ok: true, userId } : (result as SignInResult);
}

export type ThrottledResult =
  | { ok: true }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAfterMs: number };

/**
 * Runs a password check under the throttle. The attempt is counted as a failure before the
 * (slow, asynchronous) check starts, in one synchronous transaction, so parallel attempts
 * cannot all slip under the limit; a success clears the first key's count.
 */
export async function throttled(
  db: Db,
  keys: readonly (readonly [string, ThrottleRule])[],
  check: () => Promise<boolean>,
): Promise<ThrottledResult> {
  const now = Date.now();
  const retryAfterMs = db.transaction((tx) => {
    const wait = Math.max(...keys.map(([key]) => lockRemaining(readThrottle(tx, key), now)));
    if (wait > 0) return wait;
    for (const [key, rule] of keys) {
      const next = afterFailure(readThrottle(tx, key), now, rule);
      const row = {
        key,
        failures: next.failures,
        firstFailureAt: new Date(next.firstFailureAt).toISOString(),
        lockedUntil: next.lockedUntil === null ? null : new Date(next.lockedUntil).toISOString(),
      };
      tx.insert(loginThrottle)
        .values(row)
        .onConflictDoUpdate({ target: loginThrottle.key, set: row })
        .run();
    }
    return 0;
  });
  if (retryAfterMs > 0) return { ok: false, reason: "locked", retryAfterMs };
  if (!(await check())) return { ok: false, reason: "invalid" };
  // Only the first key (this account) is forgiven: the count for a whole address runs out
  // by itself, or signing in to one's own account would reset a guess at everyone else's.
  const [own] = keys;
  if (own) db.delete(loginThrottle).where(eq(loginThrottle.key, own[0])).run();
  return { ok: true };
}

function readThrottle(db: Writer, key: string) {
  const row = db.select().from(loginThrottle).where(eq(loginThrottle.key, key)).get();
  if (!row) return null;
  return {
    failures: row.failures,
    firstFailureAt: Date.parse(row.firstFailureAt),
    lockedUntil: row.lockedUntil === null ? null : Date.parse(row.lockedUntil),
  };
}

/** The current password of a signed-in user (before changing it), under the same throttle. */
export function checkPassword(db: Db, id: number, password: string): Promise<ThrottledResult> {
  return throttled(db, [[`password:${id}`, PER_ACCOUNT]], async () => {
    const found = db
      .select({ passwordHash: utente.passwordHash })
      .from(utente)
      .where(eq(utente.id, id))
      .get();
    return found ? verifyPassword(password, found.passwordHash) : false;
  });
}

export interface UtenteRow {
  id: number;
  email: string;
  name: string;
  role: SessionUser["role"];
  active: boolean;
  unioneId: number | null;
  unione: string | null;
  comuneIds: number[];
}

/** Accounts by e-mail (unique, so pages are stable): one page of them, or one by id. */
export function listUtenti(
  db: Db,
  options: { id?: number; limit?: number; offset?: number } = {},
): UtenteRow[] {
  let query = db
    .select({
      id: utente.id,
      email: utente.email,
      name: utente.name,
      role: utente.role,
      active: utente.active,
      unioneId: utente.unioneId,
      unione: unione.name,
    })
    .from(utente)
    .leftJoin(unione, eq(unione.id, utente.unioneId))
    .where(options.id === undefined ? undefined : eq(utente.id, options.id))
    .orderBy(asc(utente.email))
    .$dynamic();
  if (options.limit !== undefined) query = query.limit(options.limit).offset(options.offset ?? 0);
  const rows = query.all();
  const links = groupBy(
    rows.length
      ? db
          .select()
          .from(utenteComune)
          .where(
            inArray(
              utenteComune.utenteId,
              rows.map((r) => r.id),
            ),
          )
          .all()
      : [],
    (l) => l.utenteId,
  );
  return rows.map((r) => ({
    ...r,
    comuneIds: (links.get(r.id) ?? []).map((l) => l.comuneId),
  }));
}

export function countUtenti(db: Db): number {
  return db.select({ n: count() }).from(utente).get()?.n ?? 0;
}

/** Choices for the account forms. */
export function scopeChoices(db: Db) {
  return {
    unioni: db
      .select({ id: unione.id, name: unione.name })
      .from(unione)
      .orderBy(asc(unione.name))
      .all(),
    comuni: db
      .select({ id: comune.id, name: comune.name })
      .from(comune)
      .orderBy(asc(comune.name))
      .all(),
  };
}
