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
  if (logOff) {
    next();
    return;
  }
  const started = performance.now();
  res.on("finish", () => logRequest(req.method, req.path, res.statusCode, started));
  next();
}

/** Writes the line of a finished request (`started` from performance.now()). */
export function logRequest(
  method: string | undefined,
  path: string,
  status: number,
  started: number,
): void {
  if (logOff) return;
  const ms = performance.now() - started;
  // Built by hand: the method is an HTTP token and the rest are numbers or a known format;
  // only the path needs JSON's escaping.
  pending.push(
    `{"t":"${nowIso()}","method":"${method}","path":${JSON.stringify(loggablePath(path))},"status":${status},"ms":${Math.round(ms * 10) / 10}}\n`,
  );
  if (pending.length >= FLUSH_LINES) flush();
  else flushTimer ??= setTimeout(flush, FLUSH_AFTER_MS);
}

/**
 * Lines are written in batches: one write of many lines instead of one per request, which
 * under load cost as much as answering a kept page. At most FLUSH_AFTER_MS late; written
 * at once when the process exits.
 */
const FLUSH_LINES = 256;
const logOff = process.env.CRUSCOTTO_LOG === "off";

let isoAt = 0;
let iso = "";
/** The time of a line, formatted once per millisecond. */
function nowIso(): string {
  const now = Date.now();
  if (now !== isoAt) {
    iso = new Date(now).toISOString();
    isoAt = now;
  }
  return iso;
}
const FLUSH_AFTER_MS = 50;
let pending: string[] = [];
let flushTimer: NodeJS.Timeout | undefined;

function flush(): void {
  if (flushTimer) clearTimeout(flushTimer);
  flushTimer = undefined;
  if (pending.length === 0) return;
  const lines = pending.join("");
  pending = [];
  process.stdout.write(lines);
}
process.on("exit", flush);
