/**
 * Faults: the server killed with SIGKILL in the middle of an import and of an upload, a
 * large import running while people use the app, and two editors saving the same record.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../support/app-server";
import { get, pageText, post, query, signInAs } from "../support/http";

const ROOT = path.resolve(import.meta.dirname, "../..");
let scratch: string;
let bigFile: string;

beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), "faults-"));
  bigFile = path.join(scratch, "candidature.csv");
  execFileSync(
    process.execPath,
    ["--import", "tsx", "scripts/generate-opendata.ts", "--rows", "100000", "--out", bigFile],
    { cwd: ROOT },
  );
}, 60_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function inspect(app: RunningApp) {
  const db = new Database(app.databaseFile, { readonly: true });
  try {
    return {
      integrity: db.pragma("integrity_check", { simple: true }),
      progetti: (db.prepare("select count(*) n from progetto").get() as { n: number }).n,
      documenti: (db.prepare("select count(*) n from documento").get() as { n: number }).n,
      imports: (
        db.prepare("select count(*) n from audit_log where entity = 'import'").get() as {
          n: number;
        }
      ).n,
    };
  } finally {
    db.close();
  }
}

const tempFiles = (app: RunningApp) => {
  const dir = path.join(app.filesDir, ".tmp");
  return existsSync(dir) ? readdirSync(dir) : [];
};

describe("a crash in the middle of an import from the admin page", () => {
  it("stops the import with the server, leaving the database as it was, intact, and no file behind", async () => {
    const app = await startApp();
    try {
      const before = inspect(app);
      const cookie = await signInAs(app, "admin");
      const form = new FormData();
      form.set("file", new Blob([readFileSync(bigFile)]), "candidature.csv");
      const started = await fetch(`${app.url}/admin/importa`, {
        method: "POST",
        body: form,
        headers: { Cookie: cookie, Origin: app.url },
        redirect: "manual",
      });
      expect(started.status).toBe(303); // the import runs as a job, in a child process
      const [importer] = childrenOf(app.pid());
      expect(importer).toBeDefined();
      // The import writes in one transaction: once its pages spill into the WAL, it is open.
      const wal = `${app.databaseFile}-wal`;
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline && (!existsSync(wal) || statSync(wal).size < 1_000_000))
        await new Promise((r) => setTimeout(r, 5));
      await app.crash();
      // The child notices that the server is gone and gives up, committing nothing.
      const gone = Date.now() + 10_000;
      while (Date.now() < gone && alive(importer ?? 0)) await new Promise((r) => setTimeout(r, 20));
      expect(alive(importer ?? 0)).toBe(false);

      const after = inspect(app);
      expect(after.integrity).toBe("ok");
      expect(after.progetti).toBe(before.progetti);
      expect(after.imports).toBe(0);

      await app.restart();
      expect(tempFiles(app)).toEqual([]);
      expect((await get(app, "/healthz", null)).status).toBe(200);
    } finally {
      await app.stop();
    }
  }, 60_000);
});

/** The processes a process started (Linux /proc). */
function childrenOf(pid: number): number[] {
  const text = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
  return text ? text.split(" ").map(Number) : [];
}

/** Running, not a zombie waiting to be reaped. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
}

describe("a crash in the middle of an upload", () => {
  it("stores no documento and, after the restart, no orphan file", async () => {
    const app = await startApp();
    try {
      const before = inspect(app);
      const cookie = await signInAs(app, "editor");
      const progettoId = query<{ id: number }>(
        app,
        "select p.id from progetto p join comune c on c.id = p.comune_id where c.name = 'Santa Margherita Ligure'",
      )[0]?.id;
      const boundary = "----cruscotto-fault-test";
      const head =
        `--${boundary}\r\nContent-Disposition: form-data; name="step"\r\n\r\ncandidatura\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nVerbale\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="verbale.pdf"\r\n` +
        "Content-Type: application/pdf\r\n\r\n%PDF-1.7\n";
      const upload = httpRequest(`${app.url}/progetti/${progettoId}/documenti`, {
        method: "POST",
        headers: {
          "Content-Type": `multipart/form-data; boundary=${boundary}`,
          Cookie: cookie,
          Origin: app.url,
        },
      });
      upload.on("error", () => {});
      upload.write(head);
      // Send 4 MB, slowly enough that the server is writing the temporary file when it dies.
      for (let i = 0; i < 16; i++) {
        upload.write(Buffer.alloc(256 * 1024, 32));
        await new Promise((r) => setTimeout(r, 25));
      }
      const deadline = Date.now() + 5_000;
      while (tempFiles(app).length === 0 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      expect(tempFiles(app).length).toBe(1); // the upload was really under way
      await app.crash();
      upload.destroy();

      const after = inspect(app);
      expect(after.integrity).toBe("ok");
      expect(after.documenti).toBe(before.documenti);
      await app.restart();
      expect(tempFiles(app)).toEqual([]);
    } finally {
      await app.stop();
    }
  }, 60_000);
});

describe("a large import running in another process", () => {
  it("does not stop the app from answering", async () => {
    const app = await startApp();
    try {
      const importer = spawn(
        process.execPath,
        ["--import", "tsx", "scripts/import-opendata.ts", bigFile],
        { cwd: ROOT, env: { ...process.env, CRUSCOTTO_DATA_DIR: app.dataDir } },
      );
      let progress = "";
      importer.stderr.on("data", (d) => {
        progress += String(d);
      });
      const finished = new Promise<number | null>((resolve) => importer.on("exit", resolve));
      while (!/\d{5} righe/.test(progress) && importer.exitCode === null)
        await new Promise((r) => setTimeout(r, 50));
      const slowest: number[] = [];
      while (importer.exitCode === null) {
        const started = performance.now();
        const response = await get(app, "/healthz", null);
        expect(response.status).toBe(200);
        slowest.push(performance.now() - started);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(await finished).toBe(0);
      expect(slowest.length).toBeGreaterThan(5);
      expect(Math.max(...slowest)).toBeLessThan(1_000);
      expect(inspect(app).progetti).toBeGreaterThan(100_000);
    } finally {
      await app.stop();
    }
  }, 90_000);
});

describe("two editors saving the same record", () => {
  it("refuses the second save with a clear message instead of overwriting the first", async () => {
    const app = await startApp();
    try {
      const progettoId = query<{ id: number }>(
        app,
        "select p.id from progetto p join comune c on c.id = p.comune_id where c.name = 'Santa Margherita Ligure'",
      )[0]?.id;
      const page = `/progetti/${progettoId}/decreto`;
      const first = await signInAs(app, "editor");
      const second = await signInAs(app, "admin");
      const versionOf = async (cookie: string) =>
        /name="version" value="([^"]+)"/.exec(await (await get(app, page, cookie)).text())?.[1] ??
        "";
      const seenByFirst = await versionOf(first);
      const seenBySecond = await versionOf(second);
      const fields = {
        number: "135 - 1 / 2022",
        decreeOn: "2023-01-03",
        amount: "155.234,00",
        cup: "G51F22003070006",
      };
      const saved = await post(
        app,
        page,
        { ...fields, notifiedOn: "2023-01-24", version: seenByFirst },
        first,
      );
      expect(saved.status).toBe(302); // saved, back to the project page
      const refused = await post(
        app,
        page,
        { ...fields, notifiedOn: "2023-01-30", version: seenBySecond },
        second,
      );
      const text = pageText(await refused.text());
      expect(text).toContain("Nel frattempo un'altra persona ha modificato questo progetto");
      expect(
        query<{ notified_on: string }>(
          app,
          "select notified_on from decreto where progetto_id = ?",
          progettoId,
        )[0]?.notified_on,
      ).toBe("2023-01-24");
    } finally {
      await app.stop();
    }
  }, 60_000);
});
