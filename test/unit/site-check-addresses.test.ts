/**
 * The automatic site check must not be a way into the machine or its network: every spelling
 * of a local or private address is refused, typed by the editor or reached by a redirect.
 * Real HTTP servers on loopback count the requests that get through.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS, type FetchLimits } from "~/features/conformity/bounded-fetch.server";
import { checkSite } from "~/features/conformity/check-site.server";
import type { CheckResult } from "~/features/conformity/site-analysis";

const PAGE = `<!doctype html><html lang="it"><head></head><body>
<footer><a data-element="privacy-policy-link" href="/privacy">Informativa privacy</a></footer>
</body></html>`;

/** A server that answers every request with PAGE and counts them. */
async function countingServer(
  host: string,
): Promise<{ server: Server; port: number; hits: () => number }> {
  let hits = 0;
  const server = createServer((_req, res) => {
    hits += 1;
    res.end(PAGE);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, host, resolve);
  });
  return { server, port: (server.address() as AddressInfo).port, hits: () => hits };
}

let target4: Awaited<ReturnType<typeof countingServer>>;
let target6: Awaited<ReturnType<typeof countingServer>> | null = null;
let door: Server;
let doorPort: number;
let doorHits = 0;

const localHits = () => target4.hits() + (target6?.hits() ?? 0);

beforeAll(async () => {
  target4 = await countingServer("127.0.0.1");
  try {
    target6 = await countingServer("::1");
  } catch {
    target6 = null; // no IPv6 loopback here: the IPv6 spellings are still refused, not counted
  }
  // The "door" is the one endpoint a test allows: it redirects wherever it is told.
  door = createServer((req, res) => {
    doorHits += 1;
    const url = new URL(req.url ?? "/", "http://door");
    if (url.pathname === "/rimanda") {
      res.writeHead(302, { Location: url.searchParams.get("a") ?? "/" });
      res.end();
      return;
    }
    res.end(PAGE);
  });
  await new Promise<void>((resolve) => door.listen(0, "127.0.0.1", resolve));
  doorPort = (door.address() as AddressInfo).port;
});
afterAll(() => {
  for (const s of [door, target4.server, target6?.server])
    if (s) {
      s.closeAllConnections();
      s.close();
    }
});

/** Public addresses only, as in production; short limits so a failure does not hang. */
const PUBLIC_ONLY: FetchLimits = {
  ...DEFAULT_LIMITS,
  requestTimeoutMs: 2_000,
  totalTimeoutMs: 3_000,
  allowPrivate: false,
};
/** As PUBLIC_ONLY, but the door (and only the door) is let through. */
const DOOR_ALLOWED = (): FetchLimits => ({
  ...PUBLIC_ONLY,
  allowEndpoint: (address, port) => address === "127.0.0.1" && port === doorPort,
});

// {4}: the port of the IPv4 loopback server; {6}: the IPv6 loopback one.
const SPELLINGS = [
  "http://[::ffff:127.0.0.1]:{4}/",
  "http://[::ffff:7f00:1]:{4}/",
  "http://[0:0:0:0:0:ffff:7f00:1]:{4}/",
  "https://[::ffff:127.0.0.1]:{4}/",
  "http://[::127.0.0.1]:{4}/",
  "http://2130706433:{4}/",
  "http://0177.0.0.1:{4}/",
  "http://0x7f000001:{4}/",
  "http://127.1:{4}/",
  "http://127.0.0.1:{4}/",
  "http://localhost:{4}/",
  "http://0.0.0.0:{4}/",
  "http://[::ffff:0.0.0.0]:{4}/",
  "http://[::1]:{6}/",
  "http://[::]:{6}/",
  "http://[2002:7f00:1::1]:{4}/",
  "http://[64:ff9b::7f00:1]:{4}/",
  "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]:{4}/",
  "http://169.254.169.254/latest/meta-data/",
  "http://[fe80::1]/",
  "http://[fc00::1]/",
  "http://[fd12:3456::1]/",
  "http://10.0.0.1/",
  "http://172.16.0.1/",
  "http://192.168.1.1/",
  "http://100.64.0.1/",
  "http://224.0.0.1/",
  "http://[ff02::1]/",
  "http://240.0.0.1/",
  "http://255.255.255.255/",
];

const fill = (spelling: string) =>
  spelling
    .replace("{4}", String(target4.port))
    .replace("{6}", String(target6?.port ?? target4.port));

function expectRefused(results: CheckResult[]) {
  expect(results).toHaveLength(9);
  for (const r of results) {
    expect(r.outcome).toBe("non-verificabile");
    expect(r.detail).toMatch(/^Indirizzo privato o locale non ammesso: /);
  }
}

describe("the site check refuses local and private addresses", () => {
  it.each(SPELLINGS)("refuses %s typed as the site's address", async (spelling) => {
    const before = localHits();
    const started = Date.now();
    expectRefused(await checkSite(fill(spelling), PUBLIC_ONLY));
    expect(Date.now() - started).toBeLessThan(1_000); // refused before connecting, not timed out
    expect(localHits()).toBe(before);
  });

  it("lets the allowed door through, so the refusals below are about the redirect target", async () => {
    const before = doorHits;
    const page = `http://127.0.0.1:${doorPort}/home`;
    const results = await checkSite(
      `http://127.0.0.1:${doorPort}/rimanda?a=${encodeURIComponent(page)}`,
      DOOR_ALLOWED(),
    );
    expect(doorHits).toBe(before + 2);
    expect(results.find((r) => r.criterion === "C.SI.3.3")?.outcome).toBe("conforme");
    // The door is only allowed with its own port: the same address on another port is not.
    expectRefused(await checkSite(`http://127.0.0.1:${target4.port}/`, DOOR_ALLOWED()));
  });

  it.each(SPELLINGS)("refuses %s reached by a 302 redirect", async (spelling) => {
    const before = localHits();
    const beforeDoor = doorHits;
    expectRefused(
      await checkSite(
        `http://127.0.0.1:${doorPort}/rimanda?a=${encodeURIComponent(fill(spelling))}`,
        DOOR_ALLOWED(),
      ),
    );
    expect(doorHits).toBe(beforeDoor + 1);
    expect(localHits()).toBe(before);
  });

  it("still reaches local servers when the test setting allows private addresses", async () => {
    const before = target4.hits();
    const results = await checkSite(`http://[::ffff:127.0.0.1]:${target4.port}/`, {
      ...PUBLIC_ONLY,
      allowPrivate: true,
    });
    expect(target4.hits()).toBe(before + 1);
    expect(results.find((r) => r.criterion === "C.SI.3.3")?.outcome).toBe("conforme");
  });
});
