/**
 * Backups and site checks run as jobs off the request path: the request that starts one
 * answers at once, the server keeps answering while they run, their state is in the
 * database (so a restart shows a job cut short as "interrotto"), and two starts at once give
 * one job.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyBackup } from "~/infra/backup.server";
import type { Db } from "../../db/connection";
import { type RunningApp, startApp } from "../support/app-server";
import { get, post, query, signInAs } from "../support/http";

const SML_CUP = "G51F22003070006";
let site: Server;
let siteUrl: string;
/** How long the test site takes to answer each resource. */
let siteDelayMs = 1500;

beforeAll(async () => {
  // A slow comune site with a large page and a few stylesheets: the check takes seconds.
  const links = Array.from(
    { length: 3 },
    (_, i) => `<link rel="stylesheet" href="/css/${i}.css">`,
  ).join("");
  const filler = `<p>${"Notizie dal comune. ".repeat(40)}</p>`.repeat(2000);
  const page = `<!doctype html><html lang="it"><head><title>Comune</title>${links}</head><body>${filler}<footer><a data-element="faq" href="/faq">FAQ</a></footer></body></html>`;
  site = createServer((req, res) => {
    setTimeout(() => {
      if (req.url?.startsWith("/css/")) {
        res.setHeader("Content-Type", "text/css");
        res.end("body { font-family: 'Titillium Web'; }");
        return;
      }
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.end(page);
    }, siteDelayMs);
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise((resolve) => site?.close(resolve)));

/** A database of about 150 MB (random, so it does not compress): a backup takes seconds. */
function bigDatabase(db: Db) {
  const sqlite = db.$client;
  sqlite.exec("create table ballast (bytes blob)");
  const insert = sqlite.prepare("insert into ballast values (?)");
  sqlite.transaction(() => {
    for (let i = 0; i < 150; i++) insert.run(randomBytes(1024 * 1024));
  })();
}

function withSite(db: Db) {
  db.$client.prepare("update progetto set site_url = ? where cup = ?").run(siteUrl, SML_CUP);
}

const text = (html: string) => html.replace(/<!-- -->/g, "").replace(/\s+/g, " ");

async function timed(app: RunningApp, url: string): Promise<number> {
  const started = performance.now();
  const response = await get(app, url, null);
  await response.arrayBuffer();
  expect(response.status, url).toBe(200);
  return performance.now() - started;
}

const p99 = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.ceil(sorted.length * 0.99) - 1] ?? Number.POSITIVE_INFINITY;
};

function jobs(app: RunningApp) {
  return query<{ id: number; kind: string; state: string; error: string | null }>(
    app,
    "select id, kind, state, error from job order by id",
  );
}

const progettoOf = (app: RunningApp) =>
  query<{ id: number }>(app, "select id from progetto where cup = ?", SML_CUP)[0]?.id ?? 0;

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("a backup and a site check running at once", () => {
  let app: RunningApp;
  let scratch: string;
  beforeAll(async () => {
    scratch = mkdtempSync(path.join(tmpdir(), "jobs-"));
    app = await startApp({
      prepare: (db) => {
        bigDatabase(db);
        withSite(db);
      },
      env: { CRUSCOTTO_SITE_CHECK_ALLOW_PRIVATE: "true" },
    });
  }, 60_000);
  afterAll(async () => {
    await app?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it("leave /healthz and a public page fast, then end with a backup to download and the evidence", async () => {
    siteDelayMs = 1500;
    const admin = await signInAs(app, "admin");
    const editor = await signInAs(app, "editor");
    const progettoId = progettoOf(app);
    const [comune] = query<{ istat: string }>(
      app,
      "select codice_istat istat from comune where name = 'Santa Margherita Ligure'",
    );
    const publicPage = `/attuazione/${comune?.istat}`;

    // /healthz reads the whole database (quick_check) once every 30 s, jobs or not: not
    // during the measure. Then the same requests without jobs, as the baseline.
    const idleHealth: number[] = [];
    const idlePages: number[] = [];
    for (let i = 0; i < 50; i++) {
      idleHealth.push(await timed(app, "/healthz"));
      idlePages.push(await timed(app, publicPage));
    }

    const started = performance.now();
    const backup = await post(app, "/admin/backup", {}, admin);
    const check = await post(
      app,
      `/progetti/${progettoId}/conformita`,
      { intent: "check" },
      editor,
    );
    const startMs = performance.now() - started;
    expect(backup.status).toBe(303);
    expect(check.status).toBe(303);
    // Both answered before either job could have ended.
    expect(startMs).toBeLessThan(1000);

    const running = await text(await (await get(app, "/admin/backup", admin)).text());
    expect(running).toContain('http-equiv="refresh"');
    expect(running).toMatch(/Backup (in coda|in corso), avviato da admin@/);
    const checkPage = check.headers.get("location") ?? "";
    expect(checkPage).toMatch(new RegExp(`^/progetti/${progettoId}/conformita\\?verifica=\\d+$`));
    const following = text(await (await get(app, checkPage, editor)).text());
    expect(following).toContain("Verifica automatica del sito in corso");
    expect(following).toContain('http-equiv="refresh"');

    const health: number[] = [];
    const pages: number[] = [];
    const bothRunning = () =>
      jobs(app).filter((j) => j.state === "in coda" || j.state === "in corso").length;
    let overlap = 0;
    while (bothRunning() > 0) {
      if (bothRunning() === 2) overlap += 1;
      health.push(await timed(app, "/healthz"));
      pages.push(await timed(app, publicPage));
      await new Promise((r) => setTimeout(r, 20));
    }
    const top = (samples: number[]) =>
      [...samples]
        .sort((a, b) => b - a)
        .slice(0, 3)
        .map((ms) => ms.toFixed(0))
        .join(", ");
    const slow = health
      .map((ms, i) => [i, ms, pages[i] ?? 0])
      .filter(([, h, p]) => (h ?? 0) > 60 || (p ?? 0) > 60);
    console.log(JSON.stringify(slow));
    console.log(
      `senza lavori: /healthz p99 ${p99(idleHealth).toFixed(1)} ms, ${publicPage} p99 ${p99(idlePages).toFixed(1)} ms (50 ciascuno)\n` +
        `durante backup e verifica del sito: /healthz p99 ${p99(health).toFixed(1)} ms su ${health.length} (max ${top(health)}), ${publicPage} p99 ${p99(pages).toFixed(1)} ms su ${pages.length} (max ${top(pages)})`,
    );
    expect(overlap).toBeGreaterThan(10);
    expect(health.length).toBeGreaterThanOrEqual(50);
    expect(p99(health)).toBeLessThan(100);
    expect(p99(pages)).toBeLessThan(100);
    expect(jobs(app).map((j) => [j.kind, j.state, j.error])).toEqual([
      ["backup", "riuscito", null],
      ["site-check", "riuscito", null],
    ]);

    // The site check's outcome and evidence, as the page showed them before it was a job.
    const checked = text(await (await get(app, checkPage, editor)).text());
    expect(checked).not.toContain('http-equiv="refresh"');
    expect(checked).toMatch(
      /Verifica automatica registrata: \d+ criteri su \d+ risultano conformi/,
    );
    expect(checked).toContain("Proposta: ");
    const evidence = query<{ n: number }>(
      app,
      "select count(*) n from verifica_sito where progetto_id = ?",
      progettoId,
    );
    expect(evidence[0]?.n).toBeGreaterThan(0);

    // The backup: a link, an archive that restores.
    const done = await (await get(app, "/admin/backup", admin)).text();
    const link = /href="(\/admin\/backup\/\d+)"/.exec(done)?.[1] ?? "";
    expect(link).not.toBe("");
    const download = await get(app, link, admin);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toMatch(/attachment; filename="cruscotto-/);
    const archive = path.join(scratch, "backup.tar.gz");
    writeFileSync(archive, Buffer.from(await download.arrayBuffer()));
    execFileSync("tar", ["xzf", archive, "-C", scratch]);
    const [folder] = readdirSync(scratch).filter((f) => f.startsWith("cruscotto-"));
    const verified = verifyBackup(path.join(scratch, folder ?? ""));
    expect(verified.problems).toEqual([]);
    expect(verified.manifest?.database.size).toBeGreaterThan(150 * 1024 * 1024);
    // Nothing else is left in the backups folder.
    expect(readdirSync(path.join(app.dataDir, "backups"))).toEqual([
      path.basename(
        download.headers.get("content-disposition")?.match(/filename="([^"]+)"/)?.[1] ?? "",
      ),
    ]);
    // Another administrator's download needs the sign-in; a non-admin is refused.
    expect((await get(app, link, null)).status).toBe(303);
    expect((await get(app, link, editor)).status).toBe(403);
  }, 120_000);

  it("gives one job for two starts at once", async () => {
    siteDelayMs = 500;
    const admin = await signInAs(app, "admin");
    const editor = await signInAs(app, "editor");
    const progettoId = progettoOf(app);
    const before = jobs(app).length;
    const answers = await Promise.all([
      post(app, "/admin/backup", {}, admin),
      post(app, "/admin/backup", {}, admin),
      post(app, `/progetti/${progettoId}/conformita`, { intent: "check" }, editor),
      post(app, `/progetti/${progettoId}/conformita`, { intent: "check" }, editor),
    ]);
    expect(answers.map((a) => a.status)).toEqual([303, 303, 303, 303]);
    // Both check requests follow the same job.
    expect(answers[2]?.headers.get("location")).toBe(answers[3]?.headers.get("location"));
    const started = jobs(app).slice(before);
    expect(started.map((j) => j.kind).sort()).toEqual(["backup", "site-check"]);
    await until(() => jobs(app).every((j) => j.state !== "in corso" && j.state !== "in coda"));
  }, 120_000);
});

describe("a job the server was killed in the middle of", () => {
  it("shows as interrotto after the restart, and leaves no half-written backup", async () => {
    siteDelayMs = 5000;
    const app = await startApp({
      prepare: (db) => {
        bigDatabase(db);
        withSite(db);
      },
      env: { CRUSCOTTO_SITE_CHECK_ALLOW_PRIVATE: "true" },
    });
    try {
      const admin = await signInAs(app, "admin");
      const editor = await signInAs(app, "editor");
      const progettoId = progettoOf(app);
      const evidence = () =>
        query<{ n: number }>(
          app,
          "select count(*) n from verifica_sito where progetto_id = ?",
          progettoId,
        )[0]?.n;
      const evidenceBefore = evidence();
      expect((await post(app, "/admin/backup", {}, admin)).status).toBe(303);
      const check = await post(
        app,
        `/progetti/${progettoId}/conformita`,
        { intent: "check" },
        editor,
      );
      await until(() => jobs(app).every((j) => j.state === "in corso"));
      await new Promise((r) => setTimeout(r, 300));
      await app.crash();
      await app.restart();

      const page = text(await (await get(app, "/admin/backup", admin)).text());
      expect(page).toContain("interrotto");
      expect(page).toContain(
        "Interrotto perché il server si è fermato mentre era in corso: nessun file di backup salvato.",
      );
      expect(page).toContain("Crea un backup"); // the lock is free again
      const followed = text(
        await (await get(app, check.headers.get("location") ?? "", editor)).text(),
      );
      expect(followed).toContain("Interrotta perché il server si è fermato mentre era in corso");
      expect(followed).not.toContain('http-equiv="refresh"');
      expect(jobs(app).map((j) => j.state)).toEqual(["interrotto", "interrotto"]);
      // The orphaned backup process gives up too: no archive appears, nothing half-written stays.
      await new Promise((r) => setTimeout(r, 2000));
      expect(readdirSync(path.join(app.dataDir, "backups"))).toEqual([]);
      expect(evidence()).toBe(evidenceBefore);
    } finally {
      await app.stop();
    }
  }, 120_000);
});
