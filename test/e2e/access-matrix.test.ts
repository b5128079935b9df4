/**
 * The access matrix, generated from the route table: every route file, every role, a
 * record in and one out of the role's scope, each URL written the plain way and in the
 * spellings that used to walk around the guard (dot segments raw and encoded, sent
 * unnormalised over a raw socket; ids as 0x.., +n, n.0, ne0, %20n, 0n). A route file
 * that is not described here fails the test, so a new route cannot escape it.
 */
import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../support/app-server";
import { type DemoRole, query, signInAs } from "../support/http";
import {
  ROLES,
  ROUTE_ACCESS,
  ROUTES_DIR,
  type Role,
  type RouteFixtures,
  routeCases,
  routePattern,
  seedRouteFixtures,
} from "../support/routes";

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

let app: RunningApp;
const cookies = new Map<Role, string | null>();
let routes: RouteFixtures;

beforeAll(async () => {
  app = await startApp();
  const calendarKeys = new Map<Role, string>();
  routes = { ...seedRouteFixtures(app), calendarKeys };
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

const cases = () => routeCases(routes);

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
      const recordWrite = !["public", "sign-in", "signed-in", "home", "admin"].includes(
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
