/**
 * Security headers on every response. Scripts run only from our origin or with this
 * response's nonce (Remix's own inline scripts); styles may be inline because the charts
 * draw with style attributes. Only the embeddable public pages may be framed by other sites.
 */
import { randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";

export function contentSecurityPolicy(nonce: string, embeddable: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
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

export function securityHeaders(req: Request, res: Response, next: NextFunction): void {
  const nonce = randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  const embeddable = req.path.startsWith("/attuazione/") && req.query.embed === "1";
  res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce, embeddable));
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  if (!embeddable) res.setHeader("X-Frame-Options", "SAMEORIGIN");
  next();
}
