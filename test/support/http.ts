import Database from "better-sqlite3";
import { DEMO_ACCOUNTS } from "../../scripts/seeds/demo-users";
import type { RunningApp } from "./app-server";

export type DemoRole = (typeof DEMO_ACCOUNTS)[number]["role"];

export function demoAccount(role: DemoRole) {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role);
  if (!account) throw new Error(`no demo account for ${role}`);
  return account;
}

/** Signs in over HTTP as a browser would; returns the Cookie header for later requests. */
export async function signIn(app: RunningApp, email: string, password: string): Promise<string> {
  const response = await post(app, "/accedi", { email, password }, null);
  const cookie = response.headers.get("set-cookie");
  if (response.status !== 302 || !cookie) throw new Error(`sign-in failed: ${response.status}`);
  return cookie.split(";")[0] ?? "";
}

export function signInAs(app: RunningApp, role: DemoRole): Promise<string> {
  const account = demoAccount(role);
  return signIn(app, account.email, account.password);
}

/** A same-origin form post, unless `origin` says otherwise (null: no Origin header at all). */
export function post(
  app: RunningApp,
  path: string,
  fields: Record<string, string | string[]>,
  cookie: string | null,
  origin: string | null = app.url,
): Promise<Response> {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  }
  const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" };
  if (cookie) headers.Cookie = cookie;
  if (origin) headers.Origin = origin;
  return fetch(app.url + path, { method: "POST", body, headers, redirect: "manual" });
}

export function get(app: RunningApp, path: string, cookie: string | null): Promise<Response> {
  return fetch(app.url + path, { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
}

/** Reads the running app's database directly (WAL lets us read while it serves). */
export function query<T>(app: RunningApp, sql: string, ...params: unknown[]): T[] {
  const db = new Database(app.databaseFile, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

export function comuneId(app: RunningApp, name: string): number {
  const [row] = query<{ id: number }>(app, "select id from comune where name = ?", name);
  if (!row) throw new Error(`no comune ${name}`);
  return row.id;
}

/** What a page says, as a reader sees it: React's separators gone, entities decoded. */
export function pageText(html: string): string {
  return html
    .replace(/<!-- -->/g, "")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
