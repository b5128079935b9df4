/**
 * Issue 17: every list is bounded. With thousands of progetti, the pages an administrator
 * opens answer with one page of rows, a pagination that works without JavaScript, and the
 * filters kept in the links.
 */
import { parse } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../support/app-server";
import { get, signInAs } from "../support/http";
import { insertManyProgetti } from "../support/many-progetti";

const MANY = 3000;

let app: RunningApp;
let admin: string;
beforeAll(async () => {
  app = await startApp({
    prepare: (db) => {
      insertManyProgetti(db, { count: MANY });
      const sqlite = db.$client;
      const user = sqlite.prepare(
        "insert into utente (email, name, password_hash, role, active) values (?, ?, 'x', 'lettore', 1)",
      );
      for (let i = 0; i < 130; i++)
        user.run(`utente${String(i).padStart(3, "0")}@example.org`, `Utente ${i}`);
    },
  });
  admin = await signInAs(app, "admin");
}, 120_000);
afterAll(async () => {
  await app?.stop();
});

async function page(path: string) {
  const response = await get(app, path, admin);
  expect(response.status, path).toBe(200);
  const html = await response.text();
  return { html, doc: parse(html) };
}

function pagination(doc: ReturnType<typeof parse>) {
  const nav = doc.querySelector("nav.pagination");
  expect(nav, "a pagination nav").not.toBeNull();
  expect(nav?.getAttribute("aria-label")).toMatch(/^Pagine/);
  return {
    current: nav?.querySelector('[aria-current="page"]')?.text.trim(),
    links: (nav?.querySelectorAll("a") ?? []).map((a) => a.getAttribute("href") ?? ""),
  };
}

describe("the administrator's dashboard with thousands of progetti", () => {
  it("opens on a summary and the 50 most urgent progetti, under 200 KB", async () => {
    const { html, doc } = await page("/");
    expect(html.length).toBeLessThan(200_000);
    expect(doc.querySelector("ul.summary")?.text).toMatch(/3\.0\d\d\s*progetti/);
    const urgent = doc.querySelector("table#piu-urgenti");
    expect(urgent, "the table of the most urgent").not.toBeNull();
    expect(urgent?.querySelectorAll("tbody tr").length).toBe(50);
    // Soonest deadline first.
    const dues = (urgent?.querySelectorAll("tbody tr") ?? []).map(
      (tr) => tr.querySelector("time")?.getAttribute("datetime") ?? "",
    );
    expect(dues).toEqual([...dues].sort());
    expect(doc.querySelectorAll("table").length).toBeLessThanOrEqual(3);
  });

  it("finds a progetto by CUP, and pages through a measure with the filter kept", async () => {
    const byCup = await page("/?cup=ZGE000000001234");
    const rows = byCup.doc.querySelectorAll("table#risultati tbody tr");
    expect(rows.length).toBe(1);
    expect(rows[0]?.text).toContain("ZGE000000001234");

    const second = await page("/?misura=1.2&pagina=2");
    expect(second.doc.querySelectorAll("table#risultati tbody tr").length).toBe(50);
    const nav = pagination(second.doc);
    expect(nav.current).toBe("2");
    expect(nav.links.length).toBeGreaterThan(0);
    for (const href of nav.links) expect(href).toContain("misura=1.2");
  });

  it("searches by the comune's name", async () => {
    const { doc } = await page("/?comune=Generato%2000042");
    const rows = doc.querySelectorAll("table#risultati tbody tr");
    expect(rows.length).toBe(10);
    for (const r of rows) expect(r.text).toContain("Generato 00042");
  });
});

describe("Scadenze with thousands of open deadlines", () => {
  it("shows one page, soonest first, and the next page continues where it stopped", async () => {
    const first = await page("/scadenze?stato=overdue");
    const rows = first.doc.querySelectorAll("main table tbody tr");
    expect(rows.length).toBe(50);
    expect(first.html.length).toBeLessThan(200_000);
    const nav = pagination(first.doc);
    expect(nav.current).toBe("1");
    for (const href of nav.links) expect(href).toContain("stato=overdue");

    const second = await page("/scadenze?stato=overdue&pagina=2");
    const dues = (d: ReturnType<typeof parse>) =>
      d
        .querySelectorAll("main table tbody tr")
        .map((tr) => tr.querySelector("time")?.getAttribute("datetime") ?? "");
    const a = dues(first.doc);
    const b = dues(second.doc);
    expect(a).toEqual([...a].sort());
    expect((b[0] ?? "") >= (a[a.length - 1] ?? "")).toBe(true);
    expect(pagination(second.doc).current).toBe("2");
  });

  it("a page past the end answers with no rows, not an error", async () => {
    const { doc } = await page("/scadenze?pagina=9999");
    expect(doc.querySelectorAll("main table tbody tr").length).toBe(0);
  });
});

describe("the other long lists", () => {
  it("the reconciliation shows one page of the progetti to check", async () => {
    const { doc } = await page("/riconciliazione");
    const rows = doc.querySelectorAll("table#da-verificare tbody tr");
    expect(rows.length).toBe(50);
    expect(pagination(doc).current).toBe("1");
  });

  it("the user list shows one page of users", async () => {
    const { doc } = await page("/admin/utenti");
    const rows = doc.querySelectorAll("table#utenti tbody tr");
    expect(rows.length).toBe(50);
    const nav = pagination(doc);
    expect(nav.links.some((h) => h.includes("pagina=2"))).toBe(true);
  });
});
