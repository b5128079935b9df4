/**
 * Fetching a page from a comune's site without trusting it: http/https only, no private or
 * loopback address (unless a test setting allows it), one deadline for the whole exchange,
 * a maximum size read as bytes arrive, a maximum number of redirects.
 */
import { lookup } from "node:dns/promises";
import { isGloballyRoutable } from "../domain/network";

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  allowPrivate: boolean;
}

export const DEFAULT_LIMITS: FetchLimits = {
  timeoutMs: 10_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  allowPrivate: false,
};

/** A reason, in Italian, why the page could not be read. */
export class FetchFailed extends Error {}

async function checkAddress(url: URL, allowPrivate: boolean): Promise<void> {
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new FetchFailed(`Protocollo non ammesso: ${url.protocol}`);
  if (allowPrivate) return;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: { address: string }[];
  try {
    addresses = await lookup(host, { all: true });
  } catch {
    throw new FetchFailed(`Nome a dominio non trovato: ${host}`);
  }
  if (addresses.some((a) => !isGloballyRoutable(a.address)))
    throw new FetchFailed(`Indirizzo privato o locale non ammesso: ${host}`);
}

async function readLimited(response: Response, maxBytes: number): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new FetchFailed(`Risposta oltre ${Math.round(maxBytes / 1024 / 1024)} MB`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export async function boundedFetch(
  address: string,
  limits: FetchLimits,
): Promise<{ url: string; body: string }> {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new FetchFailed(`Indirizzo non valido: ${address}`);
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    for (let redirects = 0; ; redirects++) {
      await checkAddress(url, limits.allowPrivate);
      const response = await fetch(url, {
        redirect: "manual",
        signal: controller.signal,
        headers: { "User-Agent": "cruscotto-pnrr verifica conformità" },
      });
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        if (redirects >= limits.maxRedirects)
          throw new FetchFailed(`Troppi reindirizzamenti (più di ${limits.maxRedirects})`);
        url = new URL(location, url);
        continue;
      }
      if (response.status >= 400) {
        await response.body?.cancel();
        throw new FetchFailed(`Il sito ha risposto con errore ${response.status}`);
      }
      return { url: url.href, body: await readLimited(response, limits.maxBytes) };
    }
  } catch (error) {
    if (error instanceof FetchFailed) throw error;
    if (controller.signal.aborted)
      throw new FetchFailed(`Nessuna risposta entro ${limits.timeoutMs / 1000} secondi`);
    throw new FetchFailed(`Sito non raggiungibile: ${(error as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
}
