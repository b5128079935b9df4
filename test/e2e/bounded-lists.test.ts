/**
 * Issue 17: every list is bounded. With thousands of progetti, the pages an administrator
 * opens answer with one page of rows, a pagination that works without JavaScript, and the
 * filters kept in the links.
 */
import type { Element } from "domhandler";
import { DomUtils, parseDocument } from "htmlparser2";
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

const { findAll, findOne, textContent } = DomUtils;
type Node = Element | Element[];
const all = (within: Node, test: (e: Element) => boolean) =>
  findAll(test, Array.isArray(within) ? within : [within]);
const one = (within: Node, test: (e: Element) => boolean) =>
  findOne(test, Array.isArray(within) ? within : [within]);
const byId = (id: string) => (e: Element) => e.attribs.id === id;
const tag = (name: string) => (e: Element) => e.name === name;
/** The rows of a table's body. */
const bodyRows = (table: Element | null) => (table ? all(all(table, tag("tbody")), tag("tr")) : []);
/** The date each row shows first (a <time datetime>). */
const dues = (rows: Element[]) => rows.map((tr) => one(tr, tag("time"))?.attribs.datetime ?? "");

async function page(path: string) {
  const response = await get(app, path, admin);
  expect(response.status, path).toBe(200);
  const html = await response.text();
  return { html, doc: parseDocument(html).children as Element[] };
}

function pagination(doc: Element[]) {
  const nav = one(doc, (e) => e.name === "nav" && e.attribs.class === "pagination");
  expect(nav, "a pagination nav").not.toBeNull();
  if (!nav) throw new Error("no pagination");
  expect(nav.attribs["aria-label"]).toMatch(/^Pagine/);
  const current = one(nav, (e) => e.attribs["aria-current"] === "page");
  return {
    current: current ? textContent(current).trim() : undefined,
    links: all(nav, tag("a")).map((a) => a.attribs.href ?? ""),
  };
}
const mainTable = (doc: Element[]) => one(all(doc, tag("main")), tag("table"));

describe("the administrator's dashboard with thousands of progetti", () => {
  it("opens on a summary and the 50 most urgent progetti, under 200 KB", async () => {
    const { html, doc } = await page("/");
    expect(html.length).toBeLessThan(200_000);
    const summary = one(doc, (e) => e.name === "ul" && e.attribs.class === "summary");
    expect(summary && textContent(summary)).toMatch(/3\.0\d\d\s*progetti/);
    const urgent = bodyRows(one(doc, byId("piu-urgenti")));
    expect(urgent).toHaveLength(50);
    // Soonest deadline first.
    const shown = dues(urgent);
    expect(shown.every((d) => /^\d{4}-\d\d-\d\d$/.test(d))).toBe(true);
    expect(shown).toEqual([...shown].sort());
    expect(all(doc, tag("table")).length).toBeLessThanOrEqual(3);
  });

  it("finds a progetto by CUP, and pages through a measure with the filter kept", async () => {
    const byCup = await page("/?cup=ZGE000000001234");
    const rows = bodyRows(one(byCup.doc, byId("risultati")));
    expect(rows).toHaveLength(1);
    expect(textContent(rows)).toContain("ZGE000000001234");

    const second = await page("/?misura=1.2&pagina=2");
    expect(bodyRows(one(second.doc, byId("risultati")))).toHaveLength(50);
    const nav = pagination(second.doc);
    expect(nav.current).toBe("2");
    expect(nav.links.length).toBeGreaterThan(0);
    for (const href of nav.links) expect(href).toContain("misura=1.2");
  });

  it("searches by the comune's name", async () => {
    const { doc } = await page("/?comune=Generato%2000042");
    const rows = bodyRows(one(doc, byId("risultati")));
    expect(rows).toHaveLength(10);
    for (const r of rows) expect(textContent(r)).toContain("Generato 00042");
  });
});

describe("Scadenze with thousands of open deadlines", () => {
  it("shows one page, soonest first, and the next page continues where it stopped", async () => {
    const first = await page("/scadenze?stato=overdue");
    const rows = bodyRows(mainTable(first.doc));
    expect(rows).toHaveLength(50);
    expect(first.html.length).toBeLessThan(200_000);
    const nav = pagination(first.doc);
    expect(nav.current).toBe("1");
    for (const href of nav.links) expect(href).toContain("stato=overdue");

    const second = await page("/scadenze?stato=overdue&pagina=2");
    const a = dues(rows);
    const b = dues(bodyRows(mainTable(second.doc)));
    expect(b).toHaveLength(50);
    expect(a).toEqual([...a].sort());
    expect((b[0] ?? "") >= (a[a.length - 1] ?? "")).toBe(true);
    expect(pagination(second.doc).current).toBe("2");
  });

  it("a page past the end answers with no rows, not an error", async () => {
    const { doc } = await page("/scadenze?pagina=9999");
    expect(bodyRows(mainTable(doc))).toHaveLength(0);
  });
});

describe("the other long lists", () => {
  it("the reconciliation shows one page of the progetti to check", async () => {
    const { doc } = await page("/riconciliazione");
    expect(bodyRows(one(doc, byId("da-verificare")))).toHaveLength(50);
    expect(pagination(doc).current).toBe("1");
  });

  it("the user list shows one page of users", async () => {
    const { doc } = await page("/admin/utenti");
    expect(bodyRows(one(doc, byId("utenti")))).toHaveLength(50);
    const nav = pagination(doc);
    expect(nav.links.some((h) => h.includes("pagina=2"))).toBe(true);
  });
});
