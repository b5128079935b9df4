/**
 * Fetching a page from a comune's site without trusting it: http/https only, only public
 * addresses (unless a test setting allows private ones), a deadline per resource and one for the
 * whole check, a maximum size read as bytes arrive, a maximum number of redirects.
 */
import { lookup as dnsLookup } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { isGloballyRoutable, normalizeAddress } from "./network";

export interface FetchLimits {
  /** One resource (the page or a stylesheet) with its redirects. */
  requestTimeoutMs: number;
  /** The whole check: page, stylesheets and every redirect. */
  totalTimeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Test setting (CRUSCOTTO_SITE_CHECK_ALLOW_PRIVATE): local and private addresses too. */
  allowPrivate: boolean;
  /** Tests only: a local endpoint (address in normal form, port) let through anyway. */
  allowEndpoint?: (address: string, port: number) => boolean;
}

export const DEFAULT_LIMITS: FetchLimits = {
  requestTimeoutMs: 10_000,
  totalTimeoutMs: 15_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  allowPrivate: false,
};

/** A reason, in Italian, why the page could not be read. */
export class FetchFailed extends Error {}

const seconds = (ms: number) => (ms / 1000).toLocaleString("it-IT");

export function totalTimeoutMessage(limits: FetchLimits): string {
  return `Verifica interrotta dopo ${seconds(limits.totalTimeoutMs)} secondi: il sito risponde troppo lentamente`;
}

function mayConnect(address: string, port: number, limits: FetchLimits): boolean {
  if (limits.allowPrivate || isGloballyRoutable(address)) return true;
  const normal = normalizeAddress(address);
  return normal !== null && (limits.allowEndpoint?.(normal, port) ?? false);
}

const refused = (host: string) =>
  new FetchFailed(`Indirizzo privato o locale non ammesso: ${host}`);

/**
 * Resolves a name for the socket and refuses it unless every address is allowed. The check sits
 * where the connection is made, so a name that resolves differently a second time (DNS
 * rebinding) cannot slip past it.
 */
function checkedLookup(port: number, limits: FetchLimits): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error || addresses.length === 0) {
        callback(new FetchFailed(`Nome a dominio non trovato: ${hostname}`), "");
        return;
      }
      const local = addresses.find((a) => !mayConnect(a.address, port, limits));
      if (local) callback(refused(`${hostname} (${local.address})`), "");
      else if (options.all) callback(null, addresses);
      else callback(null, addresses[0]?.address ?? "", addresses[0]?.family);
    });
  };
}

interface Answer {
  status: number;
  location: string | undefined;
  body: string;
}

/** One GET, no redirects followed; the body is read only for a final answer. */
function get(url: URL, limits: FetchLimits, signal: AbortSignal): Promise<Answer> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const port = Number(url.port) || (url.protocol === "https:" ? 443 : 80);
  // An address written in the URL is connected to without any lookup: judge it here.
  if (isIP(host) && !mayConnect(host, port, limits)) return Promise.reject(refused(url.hostname));
  return new Promise((resolve, reject) => {
    const request = (url.protocol === "https:" ? https : http).request(
      {
        host,
        port,
        path: `${url.pathname}${url.search}`,
        headers: {
          "User-Agent": "cruscotto-pnrr verifica conformità",
          "Accept-Encoding": "identity",
        },
        agent: false, // a fresh connection, always made through checkedLookup
        lookup: checkedLookup(port, limits),
        signal,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        const location = response.headers.location;
        if ((status >= 300 && status < 400 && location) || status >= 400) {
          request.destroy();
          resolve({ status, location, body: "" });
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.byteLength;
          if (size > limits.maxBytes) {
            reject(
              new FetchFailed(`Risposta oltre ${Math.round(limits.maxBytes / 1024 / 1024)} MB`),
            );
            request.destroy();
          } else chunks.push(chunk);
        });
        response.on("end", () =>
          resolve({ status, location, body: Buffer.concat(chunks).toString("utf8") }),
        );
        response.on("error", reject);
        response.on("close", () => {
          if (!response.complete) reject(new Error("risposta interrotta"));
        });
      },
    );
    request.on("error", reject);
    request.end();
  });
}

/**
 * Reads one resource, following redirects (each one checked like the first address). `deadline`
 * is the whole check's: once it fires, this ends with the total time message.
 */
export async function boundedFetch(
  address: string,
  limits: FetchLimits,
  deadline: AbortSignal = new AbortController().signal,
): Promise<{ url: string; body: string }> {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new FetchFailed(`Indirizzo non valido: ${address}`);
  }
  const own = new AbortController();
  const timer = setTimeout(() => own.abort(), limits.requestTimeoutMs);
  const signal = AbortSignal.any([deadline, own.signal]);
  try {
    for (let redirects = 0; ; redirects++) {
      if (url.protocol !== "http:" && url.protocol !== "https:")
        throw new FetchFailed(`Protocollo non ammesso: ${url.protocol}`);
      const answer = await get(url, limits, signal);
      if (answer.status >= 300 && answer.status < 400 && answer.location) {
        if (redirects >= limits.maxRedirects)
          throw new FetchFailed(`Troppi reindirizzamenti (più di ${limits.maxRedirects})`);
        try {
          url = new URL(answer.location, url);
        } catch {
          throw new FetchFailed(`Reindirizzamento a un indirizzo non valido: ${answer.location}`);
        }
        continue;
      }
      if (answer.status >= 400)
        throw new FetchFailed(`Il sito ha risposto con errore ${answer.status}`);
      return { url: url.href, body: answer.body };
    }
  } catch (error) {
    if (deadline.aborted) throw new FetchFailed(totalTimeoutMessage(limits));
    if (error instanceof FetchFailed) throw error;
    if (own.signal.aborted)
      throw new FetchFailed(
        `Nessuna risposta completa entro ${seconds(limits.requestTimeoutMs)} secondi`,
      );
    throw new FetchFailed(`Sito non raggiungibile: ${(error as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
}
