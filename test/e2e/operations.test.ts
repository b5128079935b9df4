import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runLoadTest } from "../../scripts/load-test";
import { type RunningApp, startApp } from "../support/app-server";
import { demoAccount, get, query, signIn } from "../support/http";

const ROOT = path.resolve(import.meta.dirname, "../..");
let app: RunningApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

describe("health", () => {
  it("reports database, its integrity, migrations and data folder, without signing in", async () => {
    const response = await get(app, "/healthz", null);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ok: true,
      checks: {
        database: { ok: true },
        integrity: { ok: true },
        migrations: { ok: true },
        dataFolder: { ok: true },
      },
    });
  });
});

describe("security headers", () => {
  it("allow only our own scripts, run no inline script, and forbid framing by others", async () => {
    const response = await get(app, "/accedi", null);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(/script-src ([^;]+)/.exec(csp)?.[1]).toBe("'self'");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    // Pages are HTML and CSS only: no inline script for the policy to let through.
    const html = await response.text();
    expect(html).not.toMatch(/<script(?![^>]*type="application\/ld\+json")/);
  });

  it("let other sites frame only the embed variant of the public pages", async () => {
    const istat = query<{ istat: string }>(
      app,
      "select codice_istat istat from comune where name = 'Santa Margherita Ligure'",
    )[0]?.istat;
    const embed = await get(app, `/attuazione/${istat}?embed=1`, null);
    expect(embed.headers.get("content-security-policy")).toContain("frame-ancestors *");
    expect(embed.headers.get("x-frame-options")).toBeNull();
    const page = await get(app, `/attuazione/${istat}`, null);
    expect(page.headers.get("x-frame-options")).toBe("SAMEORIGIN");
  });
});

describe("request logs", () => {
  it("are JSON lines without query strings, e-mails or passwords", async () => {
    const admin = demoAccount("admin");
    await signIn(app, admin.email, admin.password);
    await get(app, "/scadenze?stato=overdue", null);
    // The server writes each line when the response has gone: give it a moment to arrive.
    const deadline = Date.now() + 3_000;
    while (!app.output().includes('"path":"/scadenze"') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    const lines = app
      .output()
      .split("\n")
      .filter((l) => l.startsWith("{"));
    const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(entries).toContainEqual(expect.objectContaining({ method: "POST", path: "/accedi" }));
    expect(entries).toContainEqual(expect.objectContaining({ method: "GET", path: "/scadenze" }));
    const output = app.output();
    expect(output).not.toContain(admin.password);
    expect(output).not.toContain(admin.email);
    expect(output).not.toContain("stato=overdue");
  });
});

describe("configuration at start", () => {
  it("stops with a clear message on a bad value", () => {
    const result = spawnSync(process.execPath, ["build/index.js"], {
      cwd: ROOT,
      env: { ...process.env, PORT: "ottanta", NODE_ENV: "production" },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Configurazione non valida");
    expect(result.stderr).toContain("PORT");
  });
});

describe("mixed load", () => {
  it("gives no 5xx and keeps every accepted write (short run; the documented one lasts 30 s)", async () => {
    const r = await runLoadTest(5, 20);
    console.log(
      `carico misto: ${r.requests} richieste, ${r.perSecond}/s, p99 ${r.p99} ms, scritture ${r.writesAccepted}`,
    );
    expect(r.serverErrors).toBe(0);
    expect(r.writesAccepted).toBeGreaterThan(0);
    // Every accepted write is stored; a few more may be, whose answer came after the end.
    expect(r.writesInDatabase).toBeGreaterThanOrEqual(r.writesAccepted);
    expect(r.writesInDatabase).toBeLessThanOrEqual(r.writesAccepted + 20);
  }, 60_000);
});
