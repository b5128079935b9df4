import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createCookie } from "@remix-run/node";
import type Database from "better-sqlite3";
import { and, eq, gt } from "drizzle-orm";
import { sessione, utente, utenteComune } from "../../db/schema";
import { readConfig } from "../infra/config.server";
import { getDb } from "../infra/db.server";
import type { SessionUser } from "./access";

const SESSION_DAYS = 7;

export function sessionSecret(): string {
  const config = readConfig();
  if (config.sessionSecret) return config.sessionSecret;
  if (existsSync(config.sessionSecretFile))
    return readFileSync(config.sessionSecretFile, "utf8").trim();
  throw new Error(
    "Manca il segreto delle sessioni: impostare CRUSCOTTO_SESSION_SECRET (almeno 32 caratteri) o eseguire `npm run setup`",
  );
}

let cookie: ReturnType<typeof createCookie> | undefined;

/** Signed, httpOnly, SameSite=Lax; Secure in production. */
export function sessionCookie() {
  cookie ??= createCookie("cruscotto_sessione", {
    httpOnly: true,
    sameSite: "lax",
    secure: readConfig().cookieSecure,
    path: "/",
    maxAge: SESSION_DAYS * 24 * 60 * 60,
    secrets: [sessionSecret()],
  });
  return cookie;
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Starts a session and returns the Set-Cookie header value. */
export async function startSession(utenteId: number): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 60 * 60 * 1000).toISOString();
  getDb()
    .insert(sessione)
    .values({ tokenHash: hashToken(token), utenteId, expiresAt })
    .run();
  return sessionCookie().serialize(token);
}

async function tokenFrom(cookieHeader: string | null | undefined): Promise<string | null> {
  if (!cookieHeader) return null;
  const value = await sessionCookie().parse(cookieHeader);
  return typeof value === "string" ? value : null;
}

/** The signed-in user of a request, or null; expired sessions and disabled accounts count as none. */
export async function userFromCookie(
  cookieHeader: string | null | undefined,
): Promise<SessionUser | null> {
  const token = await tokenFrom(cookieHeader);
  if (!token) return null;
  const found = getDb()
    .select({ utenteId: sessione.utenteId })
    .from(sessione)
    .where(
      and(
        eq(sessione.tokenHash, hashToken(token)),
        gt(sessione.expiresAt, new Date().toISOString()),
      ),
    )
    .get();
  return found ? sessionUserById(found.utenteId) : null;
}

const liveSessionReads = new WeakMap<Database.Database, Database.Statement>();

/** Cookie headers already verified, to their token (or null): the signature is checked once. */
const verifiedCookies = new Map<string, string | null>();
const VERIFIED_COOKIES_MAX = 5000;

/**
 * The account id of a request's live session, or null: the session and the account are
 * read from the database every time (a sign-out or a disabled account counts at once);
 * only the cookie's signature check is remembered.
 */
export async function sessionViewer(cookieHeader: string | undefined): Promise<number | null> {
  const known = knownSessionViewer(cookieHeader);
  if (known !== undefined) return known;
  await verifyCookie(cookieHeader as string);
  return knownSessionViewer(cookieHeader) ?? null;
}

/**
 * As sessionViewer, without waiting: undefined while the cookie's signature has not been
 * checked yet (verifyCookie does it once), so a kept page is answered synchronously.
 */
export function knownSessionViewer(cookieHeader: string | undefined): number | null | undefined {
  if (!cookieHeader) return null;
  const token = verifiedCookies.get(cookieHeader);
  if (token === undefined) return undefined;
  if (!token) return null;
  const client = getDb().$client;
  let read = liveSessionReads.get(client);
  if (!read) {
    read = client.prepare(
      `select s.utente_id id from sessione s join utente u on u.id = s.utente_id
       where s.token_hash = ? and s.expires_at > ? and u.active = 1`,
    );
    liveSessionReads.set(client, read);
  }
  const row = read.get(hashToken(token), new Date().toISOString()) as { id: number } | undefined;
  return row?.id ?? null;
}

/** Checks a cookie header's signature once and remembers the token it carries (or none). */
export async function verifyCookie(cookieHeader: string): Promise<void> {
  const token = await tokenFrom(cookieHeader);
  if (verifiedCookies.size >= VERIFIED_COOKIES_MAX) verifiedCookies.clear();
  verifiedCookies.set(cookieHeader, token);
}

/** An active account with its scope; null when missing or disabled. */
export function sessionUserById(id: number): SessionUser | null {
  const db = getDb();
  const row = db
    .select({
      id: utente.id,
      email: utente.email,
      name: utente.name,
      role: utente.role,
      unioneId: utente.unioneId,
    })
    .from(utente)
    .where(and(eq(utente.id, id), eq(utente.active, true)))
    .get();
  if (!row) return null;
  const comuni = db
    .select({ comuneId: utenteComune.comuneId })
    .from(utenteComune)
    .where(eq(utenteComune.utenteId, id))
    .all();
  return { ...row, comuneIds: comuni.map((c) => c.comuneId) };
}

/** Ends the request's session and returns the Set-Cookie header that clears the cookie. */
export async function endSession(cookieHeader: string | null): Promise<string> {
  const token = await tokenFrom(cookieHeader);
  if (token)
    getDb()
      .delete(sessione)
      .where(eq(sessione.tokenHash, hashToken(token)))
      .run();
  return sessionCookie().serialize("", { maxAge: 0 });
}

/** Drops every session of a user but the current one (after a password change). */
export async function endOtherSessions(
  utenteId: number,
  cookieHeader: string | null,
): Promise<void> {
  const token = await tokenFrom(cookieHeader);
  const keep = token ? hashToken(token) : "";
  const db = getDb();
  for (const s of db.select().from(sessione).where(eq(sessione.utenteId, utenteId)).all()) {
    if (s.tokenHash !== keep) db.delete(sessione).where(eq(sessione.tokenHash, s.tokenHash)).run();
  }
}
