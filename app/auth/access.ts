/**
 * Who may do what: pure rules, used by the request guard (every request) and by the models
 * (which rows a reader sees). Fail closed: a path not listed here cannot be written to.
 */

import type { Role } from "../domain/vocabulary";

export { ROLE_LABELS, type Role } from "../domain/vocabulary";

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  unioneId: number | null;
  comuneIds: readonly number[];
}

/** The comune a record belongs to, and that comune's unione. */
export interface Scope {
  comuneId: number;
  unioneId: number | null;
}

export function canRead(user: SessionUser, scope: Scope): boolean {
  return user.role === "lettore" ? user.comuneIds.includes(scope.comuneId) : canWrite(user, scope);
}

export function canWrite(user: SessionUser, scope: Scope): boolean {
  switch (user.role) {
    case "admin":
      return true;
    case "coordinatore":
      return user.unioneId !== null && scope.unioneId === user.unioneId;
    case "editor":
      return user.comuneIds.includes(scope.comuneId);
    case "lettore":
      return false;
  }
}

/** What a request needs before it reaches a route. */
export type Requirement =
  | { kind: "public" }
  | { kind: "signed-in" }
  | { kind: "admin" }
  | { kind: "comune"; comuneId: number; write: boolean }
  | { kind: "progetto"; progettoId: number; write: boolean }
  | { kind: "unione"; unioneId: number; write: boolean }
  | { kind: "forbidden" };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Paths anyone may read, and the only ones an anonymous visitor may post to. */
// /__manifest: Remix lazy route discovery; it lists routes, never data.
const PUBLIC_READ = [
  /^\/__manifest$/,
  // The home page: the dashboard once signed in, else off to the comuni's public pages.
  /^\/$/,
  /^\/accedi$/,
  /^\/build\//,
  /^\/favicon\.ico$/,
  /^\/attuazione(\/|$)/,
  /^\/healthz$/,
  // Calendar feeds: the secret key in the URL is checked by the route itself.
  /^\/calendario\//,
];
const PUBLIC_WRITE = [/^\/accedi$/];
const SIGNED_IN_WRITE = [/^\/esci$/, /^\/account\/password$/];

const SCOPED = [
  { pattern: /^\/comuni\/(\d+)(\/|$)/, kind: "comune" },
  { pattern: /^\/progetti\/(\d+)(\/|$)/, kind: "progetto" },
  { pattern: /^\/unioni\/(\d+)(\/|$)/, kind: "unione" },
] as const;

/**
 * Remix's single fetch asks for "/x.data" (and "/_root.data" for "/") to run the same
 * loader or action as "/x": they must meet the same requirement.
 */
export function routePath(pathname: string): string {
  if (pathname === "/_root.data") return "/";
  const path = pathname.endsWith(".data") ? pathname.slice(0, -".data".length) : pathname;
  return path.length > 1 && path.endsWith("/") ? path.slice(0, -1) : path;
}

export function requirementFor(method: string, pathname: string): Requirement {
  const path = routePath(pathname);
  const write = !SAFE_METHODS.has(method.toUpperCase());
  if ((write ? PUBLIC_WRITE : PUBLIC_READ).some((p) => p.test(path))) return { kind: "public" };
  if (/^\/admin(\/|$)/.test(path)) return { kind: "admin" };
  for (const { pattern, kind } of SCOPED) {
    const id = Number(pattern.exec(path)?.[1]);
    if (!Number.isSafeInteger(id) || id <= 0) continue;
    if (kind === "comune") return { kind, comuneId: id, write };
    if (kind === "progetto") return { kind, progettoId: id, write };
    return { kind, unioneId: id, write };
  }
  if (!write || SIGNED_IN_WRITE.some((p) => p.test(path))) return { kind: "signed-in" };
  return { kind: "forbidden" };
}

/** An Unione's pages belong to its coordinatore (and the admins). */
export function canAccessUnione(user: SessionUser, unioneId: number): boolean {
  return user.role === "admin" || (user.role === "coordinatore" && user.unioneId === unioneId);
}
