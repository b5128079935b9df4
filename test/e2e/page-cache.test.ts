/**
 * Kept pages (decision 008): a signed-in page is answered from memory for the same viewer
 * while the data and the day are unchanged, and never for anyone else, for a session that
 * has ended, or for another spelling of its URL.
 */
import { type IncomingHttpHeaders, request } from "node:http";
import { gunzipSync } from "node:zlib";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../../scripts/seeds/demo-users";
import { type RunningApp, startApp } from "../support/app-server";
import { comuneId, demoAccount, get, post, query, signIn, signInAs } from "../support/http";

let app: RunningApp;
let sml: number;
let editor: string;

beforeAll(async () => {
  app = await startApp();
  sml = comuneId(app, "Santa Margherita Ligure");
  editor = await signInAs(app, "editor");
});
afterAll(() => app?.stop());

/** Signed out: sent to the sign-in page. */
const SIGN_IN = expect.stringMatching(/^\/accedi/);

const page = async (path: string, cookie: string | null) => {
  const response = await get(app, path, cookie);
  return {
    status: response.status,
    location: response.headers.get("location"),
    html: await response.text(),
  };
};

/** A write made outside the app, which does not move the data version. */
function writeBehindTheAppsBack(sql: string, ...params: unknown[]): void {
  const db = new Database(app.databaseFile);
  try {
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}

const population = (html: string) => /name="population"[^>]*value="([^"]*)"/.exec(html)?.[1];

describe("a kept signed-in page", () => {
  it("shows an edit made in the app on the next request", async () => {
    expect((await page(`/comuni/${sml}`, editor)).status).toBe(200);
    const saved = await post(
      app,
      `/comuni/${sml}`,
      { population: "12.345", populationDate: "2026-01-01" },
      editor,
    );
    expect(saved.status).toBe(200);
    expect(population((await page(`/comuni/${sml}`, editor)).html)).toBe("12345");
  });

  it("is answered from memory while the data version holds", async () => {
    const first = await page(`/comuni/${sml}`, editor);
    writeBehindTheAppsBack("update comune set population = 1 where id = ?", sml);
    // The outside write did not move the version: the kept page is what comes back.
    expect((await page(`/comuni/${sml}`, editor)).html).toBe(first.html);
    writeBehindTheAppsBack("update data_version set version = version + 1 where id = 1");
    // Another process's write is seen within 100 ms (decision 011).
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(population((await page(`/comuni/${sml}`, editor)).html)).toBe("1");
  });

  it("is never answered to another viewer", async () => {
    await page(`/comuni/${sml}`, editor);
    const reader = await signInAs(app, "lettore");
    const other = await page(`/comuni/${sml}`, reader);
    expect(other.status).not.toBe(200);
    expect(other.html).not.toContain(demoAccount("editor").name);
  });

  it("is never answered after sign-out, to a disabled account or an expired session", async () => {
    const account = demoAccount("editor");
    const cookie = await signIn(app, account.email, account.password);
    expect((await page(`/comuni/${sml}`, cookie)).status).toBe(200);
    await post(app, "/esci", {}, cookie);
    expect((await page(`/comuni/${sml}`, cookie)).location).toEqual(SIGN_IN);

    const second = await signIn(app, account.email, account.password);
    expect((await page(`/comuni/${sml}`, second)).status).toBe(200);
    writeBehindTheAppsBack("update sessione set expires_at = '2000-01-01T00:00:00.000Z'");
    expect((await page(`/comuni/${sml}`, second)).location).toEqual(SIGN_IN);

    const third = await signIn(app, account.email, account.password);
    expect((await page(`/comuni/${sml}`, third)).status).toBe(200);
    writeBehindTheAppsBack("update utente set active = 0 where email = ?", account.email);
    expect((await page(`/comuni/${sml}`, third)).location).toEqual(SIGN_IN);
    writeBehindTheAppsBack("update utente set active = 1 where email = ?", account.email);
    editor = await signInAs(app, "editor");
  });

  it("is not answered for another spelling of its URL", async () => {
    await page(`/comuni/${sml}`, editor);
    for (const spelling of [`/Comuni/${sml}`, `/comuni//${sml}`, `/comuni/0${sml}`]) {
      const response = await page(spelling, editor);
      expect(response.status, spelling).not.toBe(200);
    }
  });

  it("keeps every viewer's own page when many ask at once", async () => {
    const cookies = await Promise.all(DEMO_ACCOUNTS.map((a) => signIn(app, a.email, a.password)));
    const asks = Array.from({ length: 60 }, (_, i) => i % cookies.length);
    const pages = await Promise.all(asks.map((i) => page("/", cookies[i] ?? null)));
    pages.forEach((answer, n) => {
      const account = DEMO_ACCOUNTS[asks[n] ?? 0];
      expect(answer.status).toBe(200);
      expect(answer.html).toContain(account?.name);
      for (const other of DEMO_ACCOUNTS)
        if (other !== account) expect(answer.html).not.toContain(`${other.name} (`);
    });
  });

  it("answers HEAD and compressed requests like the page itself", async () => {
    const plain = await raw("GET", "/scadenze", { Cookie: editor });
    const again = await raw("GET", "/scadenze", { Cookie: editor });
    expect(again.body.equals(plain.body)).toBe(true);
    const head = await raw("HEAD", "/scadenze", { Cookie: editor });
    expect(head.status).toBe(200);
    expect(Number(head.headers["content-length"])).toBe(plain.body.length);
    expect(head.body.length).toBe(0);
    const gzipped = await raw("GET", "/scadenze", { Cookie: editor, "Accept-Encoding": "gzip" });
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzipped.body).equals(plain.body)).toBe(true);
    expect(gzipped.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(gzipped.headers.vary).toContain("Accept-Encoding");
  });
});

/** A request as sent by node:http: no Accept-Encoding unless given. */
function raw(method: string, path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>(
    (resolve, reject) => {
      request(`${app.url}${path}`, { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
      })
        .on("error", reject)
        .end();
    },
  );
}

describe("every page", () => {
  it("ships no script: HTML and CSS only", async () => {
    const admin = await signInAs(app, "admin");
    const progetto = query<{ id: number }>(app, "select id from progetto order by id limit 1")[0]
      ?.id;
    const unione = query<{ id: number }>(app, "select id from unione order by id limit 1")[0]?.id;
    for (const path of [
      "/",
      "/scadenze",
      "/nazionale",
      `/progetti/${progetto}`,
      `/unioni/${unione}`,
      "/accedi",
    ]) {
      const { html } = await page(path, path === "/accedi" ? null : admin);
      expect(html, path).not.toMatch(/<script\b/);
      expect(html, path).not.toMatch(/<link[^>]+modulepreload/);
    }
  });
});
