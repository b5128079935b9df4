/**
 * Attack round 2, through the route: an editor (or whoever runs the comune's site) puts a
 * home page of unclosed tags, 96 KB, on the site the check reads. While the check parses it,
 * the server answers nobody: not /healthz, not the public pages, not other users.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../support/app-server";
import { rawRequest } from "../support/attack";
import { post, query, signInAs } from "../support/http";

let app: RunningApp;
let site: Server;
let progettoId: number;

beforeAll(async () => {
  site = createServer((_req, res) => {
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.end(`<!doctype html><html><head></head><body>${"<a>".repeat(32_000)}</body></html>`);
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  const siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
  // The test setting lets the check reach loopback; a public host would do the same in production.
  app = await startApp({
    env: { CRUSCOTTO_SITE_CHECK_ALLOW_PRIVATE: "true" },
    prepare: (db) => {
      db.$client
        .prepare(
          "update progetto set site_url = ? where comune_id = (select id from comune where name = 'Santa Margherita Ligure')",
        )
        .run(siteUrl);
    },
  });
  progettoId =
    query<{ id: number }>(
      app,
      "select p.id from progetto p join comune c on c.id = p.comune_id where c.name = 'Santa Margherita Ligure'",
    )[0]?.id ?? 0;
});
afterAll(async () => {
  await app?.stop();
  site?.closeAllConnections();
  site?.close();
});

describe("the automatic site check and the rest of the server", () => {
  it("keeps answering other requests while a check reads a hostile page", async () => {
    const editor = await signInAs(app, "editor");
    const check = post(app, `/progetti/${progettoId}/conformita`, { intent: "check" }, editor);
    // Let the check fetch the page and start on it, then ask what a load balancer asks.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const started = performance.now();
    // A fresh connection, as a monitoring probe or another visitor would open.
    const health = await rawRequest(
      app,
      "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
      30_000,
    );
    const waitedMs = performance.now() - started;
    await check;
    expect(health.status).toBe(200);
    expect(waitedMs).toBeLessThan(1_000);
  }, 120_000);
});
