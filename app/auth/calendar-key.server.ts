import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import { utente } from "../../db/schema";
import { getDb } from "../infra/db.server";
import type { SessionUser } from "./access";
import { sessionSecret, sessionUserById } from "./session.server";

/**
 * Calendar apps cannot sign in, so each user gets secret feed URLs: "<id>-<HMAC of id and
 * salt>". Nothing secret is stored; a new salt would revoke every URL handed out.
 */
function mac(id: number, salt: string): string {
  return createHmac("sha256", sessionSecret())
    .update(`calendario:${id}:${salt}`)
    .digest("base64url")
    .slice(0, 32);
}

export function calendarKey(userId: number): string {
  const db = getDb();
  let salt =
    db.select({ salt: utente.calendarSalt }).from(utente).where(eq(utente.id, userId)).get()
      ?.salt ?? null;
  if (salt === null) {
    salt = randomBytes(16).toString("base64url");
    db.update(utente).set({ calendarSalt: salt }).where(eq(utente.id, userId)).run();
  }
  return `${userId}-${mac(userId, salt)}`;
}

/** The active user a feed key belongs to, or null for a wrong, revoked or malformed key. */
export function userFromCalendarKey(key: string): SessionUser | null {
  const match = /^(\d+)-([A-Za-z0-9_-]{32})$/.exec(key);
  if (!match) return null;
  const id = Number(match[1]);
  const db = getDb();
  const row = db.select().from(utente).where(eq(utente.id, id)).get();
  if (!row?.active || row.calendarSalt === null) return null;
  const expected = Buffer.from(mac(id, row.calendarSalt));
  const given = Buffer.from(match[2] ?? "");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return sessionUserById(id);
}
