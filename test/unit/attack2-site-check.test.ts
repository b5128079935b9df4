/**
 * Attack round 2 on the automatic site check: the network side holds (every spelling of a local
 * address is refused, redirects are bounded, bodies are bounded as they arrive), but what the
 * check does with the bytes it read is not bounded. The site belongs to the comune's supplier,
 * not to us: a hostile or broken home page must not hold the server.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, type FetchLimits } from "~/features/conformity/bounded-fetch.server";
import { checkSite } from "~/features/conformity/check-site.server";

const PAGES: Record<string, string> = {
  // 96 KB of unclosed inline tags: sloppy HTML, well under the 5 MB limit. The HTML parser
  // re-nests each unclosed tag at the end, in time quadratic in their number.
  "/unclosed": `<!doctype html><html><head></head><body>${"<a>".repeat(32_000)}</body></html>`,
  // A menu of 20.000 entries: each entry's text ends up in the stored detail of C.SI.1.6.
  "/menu": `<!doctype html><html><head></head><body><nav>${'<a data-element="menu-item" href="/x">Voce di menu qualsiasi</a>'.repeat(20_000)}</nav></body></html>`,
};

let site: Server;
let base: string;

beforeAll(async () => {
  site = createServer((req, res) => {
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.end(PAGES[req.url ?? ""] ?? "<!doctype html><html></html>");
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});
afterAll(() => {
  site.closeAllConnections();
  site.close();
});

const LIMITS: FetchLimits = {
  ...DEFAULT_LIMITS,
  requestTimeoutMs: 2_000,
  totalTimeoutMs: 3_000,
  // The hostile site is on loopback here only because tests have no public address.
  allowEndpoint: (address) => address === "127.0.0.1",
};

/** Runs `work` while measuring the longest time the event loop could not run a timer. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ result: T; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 20);
  try {
    const result = await work();
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    return { result, stallMs };
  } finally {
    clearInterval(ticker);
  }
}

describe("what the site check does with the page it read", () => {
  it("does not stop the whole server while it reads a page of unclosed tags", async () => {
    const started = performance.now();
    const { stallMs } = await longestStall(() => checkSite(`${base}/unclosed`, LIMITS));
    // The server answers nobody while the event loop is held: not healthz, not a sign-in.
    expect(stallMs).toBeLessThan(1_000);
    // And the whole check stays within its own total time bound.
    expect(performance.now() - started).toBeLessThan(LIMITS.totalTimeoutMs + 500);
  }, 120_000);

  it("keeps the recorded detail of a criterion short whatever the page contains", async () => {
    const results = await checkSite(`${base}/menu`, LIMITS);
    const menu = results.find((r) => r.criterion === "C.SI.1.6");
    expect(menu?.outcome).toBe("non-conforme");
    // Stored in the database at every check and shown on the checklist page.
    expect(menu?.detail.length ?? 0).toBeLessThan(2_000);
  });
});
