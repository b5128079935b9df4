/**
 * The access matrix, generated from the route table: every route file, every role, a
 * record in and one out of the role's scope, each URL written the plain way and in the
 * spellings that used to walk around the guard (dot segments raw and encoded, sent
 * unnormalised over a raw socket; ids as 0x.., +n, n.0, ne0, %20n, 0n). A route file
 * that is not described here fails the test, so a new route cannot escape it.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../support/app-server";
import { type DemoRole, query, signInAs } from "../support/http";
import { ROUTES_DIR, routePattern } from "../support/routes";

/** How each route decides who may see it; the matrix derives every expectation from this. */
type Access =
  | "public" // anyone, no record
  | "sign-in" // the sign-in page itself
  | "signed-in" // any account, no record of a comune in the URL
  | "admin"
  | "comune" // params.id is a comune, read to see
  | "comune-write" // params.id is a comune, write to see (creating a progetto)
  | "progetto" // params.id is a progetto (other params: "new" words)
  | "documento" // params.id progetto, params.documentoId one of its documents
  | "unione"
  | "calendario-comune" // secret key of the user + comune id
  | "calendario-unione"
  | "attuazione-comune" // public page of a comune by ISTAT code
  | "attuazione-progetto"
  | "attuazione-documento" // only documents marked publishable
  | "catch-all" // any other path: sign in, then "Pagina non trovata"
  // Confirmation pages (a delete asks first): what they confirm comes in the query, so the
  // plain URL is a 404 to whoever may write the record, and the usual refusal to the others.
  | "conferma-progetto"
  | "conferma-unione";

const ROUTE_ACCESS: Record<string, Access> = {
  "$.tsx": "catch-all",
  "_index.tsx": "signed-in",
  "accedi.tsx": "sign-in",
  "account.password.tsx": "signed-in",
  "admin.avvisi.$id.tsx": "admin",
  "admin.avvisi._index.tsx": "admin",
  "admin.backup.tsx": "admin",
  "admin.backup_.$id.tsx": "admin",
  "admin.importa.tsx": "admin",
  "admin.utenti.$id.tsx": "admin",
  "admin.utenti._index.tsx": "admin",
  "attuazione.$istat.tsx": "attuazione-comune",
  "attuazione.$istat_.dati[.]csv.tsx": "attuazione-comune",
  "attuazione.$istat_.dati[.]json.tsx": "attuazione-comune",
  "attuazione.$istat_.progetti.$id.tsx": "attuazione-progetto",
  "attuazione.$istat_.progetti.$id_.dati[.]json.tsx": "attuazione-progetto",
  "attuazione.$istat_.progetti.$id_.documenti.$documentoId.tsx": "attuazione-documento",
  "calendario.$key.comuni.$id[.]ics.tsx": "calendario-comune",
  "calendario.$key.unioni.$id[.]ics.tsx": "calendario-unione",
  "comuni.$id.tsx": "comune",
  "comuni.$id_.progetti.nuovo.tsx": "comune-write",
  "esci.tsx": "signed-in",
  "healthz.tsx": "public",
  "nazionale.tsx": "signed-in",
  "progetti.$id._index.tsx": "progetto",
  "progetti.$id.candidatura.tsx": "progetto",
  "progetti.$id.conformita.tsx": "progetto",
  "progetti.$id.decreto.tsx": "progetto",
  "progetti.$id.determine.$determinaId.tsx": "progetto",
  "progetti.$id.documenti.$documentoId.tsx": "documento",
  "progetti.$id.documenti._index.tsx": "progetto",
  "progetti.$id.elimina.tsx": "conferma-progetto",
  "progetti.$id.eventi.$eventoId.tsx": "progetto",
  "progetti.$id.istanze.$istanzaId.tsx": "progetto",
  "progetti.$id.proroghe.$prorogaId.tsx": "progetto",
  "progetti.$id.scadenze-piattaforma.tsx": "progetto",
  "riconciliazione.tsx": "signed-in",
  "riconciliazione[.]csv.tsx": "signed-in",
  "scadenze.tsx": "signed-in",
  "scadenze[.]csv.tsx": "signed-in",
  "unioni.$id.tsx": "unione",
  "unioni.$id_.confronto-dati[.]csv.tsx": "unione",
  "unioni.$id_.confronto[.]csv.tsx": "unione",
  "unioni.$id_.confronto[.]json.tsx": "unione",
  "unioni.$id_.rimuovi.tsx": "conferma-unione",
  "unioni.$id_.stampa.tsx": "unione",
  "unioni._index.tsx": "signed-in",
};

interface Answer {
  status: number;
  location: string | undefined;
  disposition: string | undefined;
  body: string;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

/** One request with the path sent exactly as written (no client-side normalisation). */
function send(
  app: RunningApp,
  method: string,
  rawPath: string,
  cookie: string | null,
  body?: string,
): Promise<Answer> {
  const url = new URL(app.url);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path: rawPath,
        agent,
        headers: {
          ...(cookie ? { Cookie: cookie } : {}),
          ...(body !== undefined
            ? {
                "Content-Type": "application/x-www-form-urlencoded",
                "Content-Length": Buffer.byteLength(body),
                Origin: app.url,
              }
            : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (c: Buffer) => chunks.push(c));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            location: response.headers.location,
            disposition: response.headers["content-disposition"],
            body: Buffer.concat(chunks).toString("latin1"),
          }),
        );
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

type Role = "anonymous" | DemoRole;
const ROLES: Role[] = ["anonymous", "lettore", "editor", "coordinatore", "admin"];

interface Fixture {
  comune: { id: number; name: string; istat: string };
  progetto: { id: number; cup: string; title: string };
  documento: { id: number; name: string };
}

let app: RunningApp;
const cookies = new Map<Role, string | null>();
const calendarKeys = new Map<Role, string>();
let fixtures: Record<"sml" | "pisa" | "cesena", Fixture>;
let valleDelSavio: number;
let otherUnione: number;
let publishedDoc: number;
let backupJob: number;
let unpublishedDoc: number;
const MISSING = 999_999;

beforeAll(async () => {
  app = await startApp();
  const db = new Database(app.databaseFile);
  const one = <T>(sql: string, ...p: unknown[]) => db.prepare(sql).get(...p) as T;
  const make = (name: string, cup: string): Fixture => {
    const c = one<{ id: number; istat: string }>(
      "select id, codice_istat istat from comune where name = ?",
      name,
    );
    const p = one<{ id: number; title: string }>(
      "select id, title from progetto where cup = ?",
      cup,
    );
    const template = one<Record<string, unknown>>("select * from documento limit 1");
    const docName = `matrice-${c.istat}.pdf`;
    const inserted = db
      .prepare(
        "insert into documento (progetto_id, step, title, original_name, sha256, size_bytes, media_type, publishable) values (?, 'altro', ?, ?, ?, ?, ?, 0)",
      )
      .run(
        p.id,
        `Allegato ${name}`,
        docName,
        template.sha256,
        template.size_bytes,
        template.media_type,
      );
    return {
      comune: { id: c.id, name, istat: c.istat },
      progetto: { id: p.id, cup, title: p.title },
      documento: { id: Number(inserted.lastInsertRowid), name: docName },
    };
  };
  fixtures = {
    sml: make("Santa Margherita Ligure", "G51F22003070006"),
    pisa: make("Pisa", "J51F22000540006"),
    cesena: make("Cesena", "D11F22000360006"),
  };
  valleDelSavio = one<{ id: number }>("select unione_id id from comune where name = 'Cesena'").id;
  otherUnione = Number(
    db.prepare("insert into unione (name) values ('Unione di prova della matrice')").run()
      .lastInsertRowid,
  );
  publishedDoc = Number(
    db
      .prepare(
        "insert into documento (progetto_id, step, title, original_name, sha256, size_bytes, media_type, publishable) select progetto_id, 'altro', 'Pubblico', 'pubblico-matrice.pdf', sha256, size_bytes, media_type, 1 from documento where id = ?",
      )
      .run(fixtures.sml.documento.id).lastInsertRowid,
  );
  unpublishedDoc = fixtures.sml.documento.id;
  // A finished backup, for its download route.
  mkdirSync(path.join(app.dataDir, "backups"));
  writeFileSync(path.join(app.dataDir, "backups", "matrice.tar.gz"), "archivio");
  backupJob = Number(
    db
      .prepare(
        "insert into job (kind, state, lock, started_by, params, report) values ('backup', 'riuscito', 'dati', 'admin@cruscotto.example', '{}', ?)",
      )
      .run(JSON.stringify({ file: "matrice.tar.gz", size: 8, files: 0, notice: null }))
      .lastInsertRowid,
  );
  db.close();

  cookies.set("anonymous", null);
  calendarKeys.set("anonymous", `1-${"A".repeat(32)}`);
  for (const role of ROLES.slice(1) as DemoRole[]) {
    const cookie = await signInAs(app, role);
    cookies.set(role, cookie);
    const page = await send(app, "GET", "/scadenze", cookie);
    const key = /\/calendario\/([0-9]+-[A-Za-z0-9_-]{32})\//.exec(page.body)?.[1];
    if (!key) throw new Error(`no calendar key for ${role}`);
    calendarKeys.set(role, key);
  }
}, 120_000);
afterAll(async () => {
  agent.destroy();
  await app?.stop();
});

/** The comune each role may read ("in"), and one it may not ("out"). */
function comuneFor(role: Role, scope: "in" | "out"): Fixture | null {
  const inScope: Record<Role, Fixture | null> = {
    anonymous: null,
    lettore: fixtures.pisa,
    editor: fixtures.sml,
    coordinatore: fixtures.cesena,
    admin: fixtures.sml,
  };
  const outScope: Record<Role, Fixture | null> = {
    anonymous: fixtures.sml,
    lettore: fixtures.sml,
    editor: fixtures.pisa,
    coordinatore: fixtures.pisa,
    admin: null, // an admin sees everything: "out" is a record that does not exist
  };
  return scope === "in" ? inScope[role] : outScope[role];
}

interface Case {
  file: string;
  role: Role;
  scope: "in" | "out";
  url: string;
  params: Record<string, string>;
  /** What the plain GET must answer. */
  expected: number;
  /** Text that only the record's own page contains. */
  /** Texts of which the record's own answer shows at least one, and a refusal none. */
  markers: string[];
}

const missingFixture: Fixture = {
  comune: { id: MISSING, name: "__assente__", istat: "000000" },
  progetto: { id: MISSING, cup: "__assente__", title: "__assente__" },
  documento: { id: MISSING, name: "__assente__" },
};

function buildCase(file: string, access: Access, role: Role, scope: "in" | "out"): Case | null {
  const pattern = routePattern(file);
  const signedIn = role !== "anonymous";
  const unauthenticated = signedIn ? null : 303;
  const f = comuneFor(role, scope) ?? (scope === "in" ? null : missingFixture);
  let params: Record<string, string> = {};
  let expected: number;
  let markers: string[] = [];
  switch (access) {
    case "catch-all":
      if (scope === "out") return null;
      params = { "*": "pagina-inesistente" };
      expected = unauthenticated ?? 404;
      break;
    case "public":
    case "sign-in":
    case "signed-in":
    case "admin":
      if (scope === "out") return null; // no record in the URL
      expected =
        access === "public"
          ? 200
          : access === "sign-in"
            ? signedIn
              ? 302
              : 200
            : (unauthenticated ?? (access === "admin" && role !== "admin" ? 403 : 200));
      if (file === "esci.tsx") expected = signedIn ? 302 : 303;
      if (file === "admin.utenti.$id.tsx" || file === "admin.avvisi.$id.tsx") params = { id: "1" };
      if (file === "admin.backup_.$id.tsx") params = { id: String(backupJob) };
      break;
    case "comune":
    case "comune-write":
    case "progetto":
    case "documento": {
      if (!f) return null;
      params = {
        id: String(access.startsWith("comune") ? f.comune.id : f.progetto.id),
        documentoId: String(f.documento.id),
        determinaId: "nuova",
        istanzaId: "nuova",
        eventoId: "nuovo",
        prorogaId: "nuova",
      };
      const allowed =
        scope === "in" && signedIn && !(access === "comune-write" && role === "lettore");
      expected = unauthenticated ?? (allowed ? 200 : f === missingFixture ? 404 : 403);
      markers = access.startsWith("comune")
        ? [f.comune.name]
        : access === "documento"
          ? [f.documento.name]
          : [f.progetto.cup, f.progetto.title];
      break;
    }
    case "conferma-progetto": {
      if (!f) return null;
      params = { id: String(f.progetto.id) };
      const writer = scope === "in" && signedIn && role !== "lettore";
      expected = unauthenticated ?? (writer || f === missingFixture ? 404 : 403);
      break;
    }
    case "conferma-unione":
    case "unione": {
      const mine = role === "coordinatore" || role === "admin";
      const id =
        scope === "in"
          ? valleDelSavio
          : role === "admin"
            ? MISSING
            : mine
              ? otherUnione
              : valleDelSavio;
      if (scope === "in" && !mine && signedIn) return null; // no Unione is theirs
      params = { id: String(id) };
      const found = access === "conferma-unione" ? 404 : 200;
      expected = unauthenticated ?? (scope === "in" ? found : id === MISSING ? 404 : 403);
      markers =
        access === "conferma-unione"
          ? []
          : id === valleDelSavio
            ? ["Valle del Savio", "Cesena"]
            : ["Unione di prova della matrice"];
      break;
    }
    case "calendario-comune":
    case "calendario-unione": {
      const key = calendarKeys.get(role) as string;
      if (access === "calendario-comune") {
        if (!f) return null;
        params = { key, id: String(f.comune.id) };
        markers = [f.comune.name];
      } else {
        const mine = role === "coordinatore" || role === "admin";
        if (scope === "in" && !mine) return null;
        const out = role === "admin" ? MISSING : otherUnione;
        params = { key, id: String(scope === "in" ? valleDelSavio : out) };
        markers = [scope === "in" ? "Valle del Savio" : "Unione di prova della matrice"];
      }
      expected = scope === "in" && signedIn ? 200 : 404;
      break;
    }
    case "attuazione-comune":
    case "attuazione-progetto":
    case "attuazione-documento": {
      // The same for everyone: "out" is another comune's record under this comune's code.
      const sml = fixtures.sml;
      params = {
        istat: sml.comune.istat,
        id: String(scope === "in" ? sml.progetto.id : fixtures.pisa.progetto.id),
        documentoId: String(scope === "in" ? publishedDoc : unpublishedDoc),
      };
      if (access === "attuazione-comune" && scope === "out") params.istat = "000000";
      expected = scope === "in" ? 200 : 404;
      markers = [
        access === "attuazione-comune"
          ? sml.comune.name
          : access === "attuazione-progetto"
            ? scope === "in"
              ? sml.progetto.cup
              : fixtures.pisa.progetto.cup
            : scope === "in"
              ? "pubblico-matrice.pdf"
              : sml.documento.name,
      ];
      break;
    }
  }
  const url = pattern.replace(/:([A-Za-z]+)|\*/g, (found: string, name?: string) => {
    if (found === "*") return params["*"] as string;
    const value = params[name as string];
    if (value === undefined) throw new Error(`${file}: no value for :${name}`);
    return value;
  });
  return { file, role, scope, url, params, expected, markers };
}

const hasAction = (file: string) =>
  /export (async )?function action|export \{[^}]*\baction\b/.test(
    readFileSync(path.join(ROUTES_DIR, file), "utf8"),
  );

/** Spellings of the same path that the router would read as the plain one. */
function pathSpellings(url: string): string[] {
  const [first, ...rest] = url.slice(1).split("/");
  const tail = rest.length ? `/${rest.join("/")}` : "";
  return [
    `/${first}/.${tail}`,
    `/./${first}${tail}`,
    `/attuazione/..${url}`,
    `/attuazione/%2e%2e${url}`,
    `/comuni/1/%2E%2E/..${url}`,
    `/attuazione\\..${url}`,
    `//${url.slice(1)}`,
  ];
}

/** Spellings of an id that Number() reads as the id, and the access rules must not. */
function idSpellings(id: string): string[] {
  const n = Number(id);
  return [`0x${n.toString(16)}`, `+${id}`, `${id}.0`, `${id}e0`, `%20${id}`, `0${id}`];
}

const cases = (): Case[] =>
  Object.entries(ROUTE_ACCESS).flatMap(([file, access]) =>
    ROLES.flatMap((role) =>
      (["in", "out"] as const)
        .map((scope) => buildCase(file, access, role, scope))
        .filter((c): c is Case => c !== null),
    ),
  );

const auditCount = () => query<{ n: number }>(app, "select count(*) n from audit_log")[0]?.n;
const shows = (answer: Answer, markers: string[]) =>
  markers.some((m) => answer.body.includes(m) || (answer.disposition ?? "").includes(m));

describe("the access matrix", () => {
  it("describes every route file, and no file that does not exist", () => {
    const files = readdirSync(ROUTES_DIR).filter((f) => /\.tsx?$/.test(f));
    expect(Object.keys(ROUTE_ACCESS).sort()).toEqual(files.sort());
  });

  it("reads every route's pattern like Remix does", () => {
    expect(routePattern("attuazione.$istat_.dati[.]csv.tsx")).toBe("/attuazione/:istat/dati.csv");
    expect(routePattern("progetti.$id._index.tsx")).toBe("/progetti/:id");
    expect(routePattern("_index.tsx")).toBe("/");
  });

  it("answers the plain URL of every route as each role's scope says", async () => {
    const failures: string[] = [];
    for (const c of cases()) {
      const answer = await send(app, "GET", c.url, cookies.get(c.role) ?? null);
      if (answer.status !== c.expected)
        failures.push(`${c.role} GET ${c.url}: ${answer.status}, expected ${c.expected}`);
      else if (c.expected === 200 && c.markers.length && !shows(answer, c.markers))
        failures.push(`${c.role} GET ${c.url}: the record is missing from its own page`);
      else if (c.expected !== 200 && c.scope === "out" && shows(answer, c.markers))
        failures.push(`${c.role} GET ${c.url}: refused, but the body shows the record`);
    }
    expect(failures).toEqual([]);
  }, 240_000);

  it("sends every other spelling of a path to the plain one, or refuses it, never the record", async () => {
    const failures: string[] = [];
    for (const c of cases()) {
      const cookie = cookies.get(c.role) ?? null;
      for (const spelled of pathSpellings(c.url)) {
        const answer = await send(app, "GET", spelled, cookie);
        if (answer.status !== 308 || answer.location !== c.url)
          failures.push(`${c.role} GET ${spelled}: ${answer.status} → ${answer.location}`);
      }
    }
    expect(failures).toEqual([]);
  }, 240_000);

  it("answers 404 to ids in any spelling but the plain decimal one", async () => {
    const failures: string[] = [];
    for (const c of cases()) {
      const cookie = cookies.get(c.role) ?? null;
      for (const [name, value] of Object.entries(c.params)) {
        if (!/^[0-9]+$/.test(value) || !(name === "id" || name.endsWith("Id"))) continue;
        if (!c.url.includes(`/${value}`)) continue;
        for (const odd of idSpellings(value)) {
          const url = c.url.replace(new RegExp(`/${value}(?=/|\\.|$)`), `/${odd}`);
          const answer = await send(app, "GET", url, cookie);
          if (![400, 404].includes(answer.status) || shows(answer, c.markers))
            failures.push(`${c.role} GET ${url}: ${answer.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 240_000);

  it("refuses every write out of scope or in another spelling, and stores nothing", async () => {
    const failures: string[] = [];
    const writes = cases().filter((c) => hasAction(c.file) && c.file !== "esci.tsx");
    for (const c of writes) {
      const cookie = cookies.get(c.role) ?? null;
      const before = auditCount();
      const recordWrite = !["public", "sign-in", "signed-in", "admin"].includes(
        ROUTE_ACCESS[c.file] as string,
      );
      const refusedPlain = c.expected !== 200 || (c.role === "lettore" && recordWrite);
      if (refusedPlain && c.file !== "accedi.tsx") {
        const answer = await send(app, "POST", c.url, cookie, "intent=delete&comune=Pisa");
        const expected = c.role === "anonymous" ? [401] : [403, 404];
        if (!expected.includes(answer.status))
          failures.push(`${c.role} POST ${c.url}: ${answer.status}, expected ${expected}`);
      }
      for (const spelled of pathSpellings(c.url)) {
        const answer = await send(app, "POST", spelled, cookie, "intent=delete&comune=Pisa");
        if (answer.status !== 400) failures.push(`${c.role} POST ${spelled}: ${answer.status}`);
      }
      for (const [name, value] of Object.entries(c.params)) {
        if (!/^[0-9]+$/.test(value) || !(name === "id" || name.endsWith("Id"))) continue;
        if (!c.url.includes(`/${value}`)) continue;
        for (const odd of idSpellings(value)) {
          const url = c.url.replace(new RegExp(`/${value}(?=/|\\.|$)`), `/${odd}`);
          const answer = await send(app, "POST", url, cookie, "intent=delete&comune=Pisa");
          if (![400, 404].includes(answer.status))
            failures.push(`${c.role} POST ${url}: ${answer.status}`);
        }
      }
      if (auditCount() !== before) failures.push(`${c.role} POST ${c.url}: something was stored`);
    }
    expect(failures).toEqual([]);
  }, 240_000);
});
