/**
 * The Host header is whatever the client sent: it never names the site in what we write
 * (that is CRUSCOTTO_PUBLIC_URL), and a malformed one must not break the request. Remix
 * builds request.url from Host (and the port of X-Forwarded-Host, trusted or not), and the
 * URL parser throws on "[bad", "a b" or port 99999: such headers are replaced here.
 */
import type { NextFunction, Request, Response } from "express";
import { type Config, startupWarnings } from "./config.server";

/** A host name, IPv4 or bracketed IPv6 address, with an optional port up to 65535. */
export function isValidHost(host: string | undefined): host is string {
  if (!host) return false;
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.?)(?::(\d{1,5}))?$/i.exec(host);
  if (!match || Number(match[2] ?? 0) > 65535) return false;
  return URL.canParse(`http://${host}/`);
}

/**
 * For the CSRF check: does the Origin (or Referer) `source` name this site? Yes when it is
 * the configured public origin, or the host the browser itself addressed (a LAN address, a
 * second name): a browser sets both, a page elsewhere can set neither.
 */
export function sameOriginAs(
  source: string | undefined,
  publicUrl: string,
  host: string | undefined,
): boolean {
  if (!source || source === "null" || !URL.canParse(source)) return false;
  const url = new URL(source);
  if (url.origin === new URL(publicUrl).origin) return true;
  if (!isValidHost(host)) return false;
  // The same default port spelt or not ("a:443" and "a" over https) is the same host.
  return url.host === new URL(`${url.protocol}//${host}`).host;
}

/** Express middleware, before everything else; warns once at start if the origin is a guess. */
export function publicHost(
  config: Pick<Config, "publicUrl" | "publicUrlConfigured" | "production">,
) {
  for (const warning of startupWarnings(config)) console.warn(warning);
  const fallback = new URL(config.publicUrl).host;
  // The Host of the last request is nearly always the Host of this one: judged once.
  let lastValid = fallback;
  return (req: Request, res: Response, next: NextFunction): void => {
    const host = req.headers.host;
    if (host !== lastValid) {
      if (isValidHost(host)) lastValid = host;
      else req.headers.host = fallback;
    }
    if ("x-forwarded-host" in req.headers && !isValidHost(req.get("x-forwarded-host")))
      delete req.headers["x-forwarded-host"];
    // An absolute request target ("GET http://other/path") names a host too: keep the path.
    if (!req.url.startsWith("/")) {
      const target = URL.canParse(req.url) ? new URL(req.url) : null;
      if (target?.protocol !== "http:" && target?.protocol !== "https:") {
        res.status(400).type("text").send("Richiesta non valida");
        return;
      }
      const { pathname, search } = target;
      req.url = req.originalUrl = pathname + search;
    }
    next();
  };
}
