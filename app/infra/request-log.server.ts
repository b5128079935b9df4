/**
 * One JSON line per request: when, method, path, status, duration. No query string (it may
 * carry secrets such as calendar keys), no addresses, no cookies, no bodies: nothing
 * personal and no passwords.
 */
import type { NextFunction, Request, Response } from "express";

/** Calendar feed URLs carry a secret key in the path: it is masked. */
export function loggablePath(path: string): string {
  return path.replace(/^\/calendario\/[^/]+/, "/calendario/***");
}

export function requestLog(req: Request, res: Response, next: NextFunction): void {
  if (process.env.CRUSCOTTO_LOG === "off") {
    next();
    return;
  }
  const started = process.hrtime.bigint();
  res.on("finish", () => logRequest(req.method, req.path, res.statusCode, started));
  next();
}

/** Writes the line of a finished request (`started` from process.hrtime.bigint()). */
export function logRequest(
  method: string | undefined,
  path: string,
  status: number,
  started: bigint,
): void {
  if (process.env.CRUSCOTTO_LOG === "off") return;
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  process.stdout.write(
    `${JSON.stringify({
      t: new Date().toISOString(),
      method,
      path: loggablePath(path),
      status,
      ms: Math.round(ms * 10) / 10,
    })}\n`,
  );
}
