/**
 * Security headers on every response. No page carries a script (decision 008): scripts may
 * come only from our own origin, and no inline script runs. Styles may be inline because
 * the charts draw with style attributes. Only the embeddable public pages may be framed by
 * other sites.
 */
import type { NextFunction, Request, Response } from "express";

export function contentSecurityPolicy(embeddable: boolean): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${embeddable ? "*" : "'self'"}`,
  ].join("; ");
}

const headerLists = [false, true].map((embeddable) => {
  const list: [string, string][] = [
    ["Content-Security-Policy", contentSecurityPolicy(embeddable)],
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
  ];
  if (!embeddable) list.push(["X-Frame-Options", "SAMEORIGIN"]);
  return list;
});

/** A public page asked with ?embed=1 may be framed anywhere; every other response may not. */
export function isEmbeddable(path: string, query: URLSearchParams | Record<string, unknown>) {
  const embed = query instanceof URLSearchParams ? query.get("embed") : query.embed;
  return path.startsWith("/attuazione/") && embed === "1";
}

/** The headers every response carries, for a request to `path` with `query`. */
export function securityHeaderList(embeddable: boolean): readonly [string, string][] {
  return headerLists[embeddable ? 1 : 0] as [string, string][];
}

export function securityHeaders(req: Request, res: Response, next: NextFunction): void {
  for (const [name, value] of securityHeaderList(isEmbeddable(req.path, req.query)))
    res.setHeader(name, value);
  next();
}
