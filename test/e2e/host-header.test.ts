import { request } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../support/app-server";
import { get, query, signInAs } from "../support/http";
import { parseIcs, prop } from "../support/ics";

let app: RunningApp;
let port: number;
let istat: string;
let progettoPage: string;
let cookie: string;

beforeAll(async () => {
  app = await startApp();
  port = Number(new URL(app.url).port);
  const row = query<{ istat: string; id: number }>(
    app,
    "select c.codice_istat istat, p.id from progetto p join comune c on c.id = p.comune_id where c.name = 'Santa Margherita Ligure' and p.beneficiary_kind = 'comune'",
  )[0];
  istat = row?.istat ?? "";
  progettoPage = `/attuazione/${istat}/progetti/${row?.id}`;
  cookie = await signInAs(app, "editor");
});
afterAll(async () => {
  await app?.stop();
});

interface Answer {
  status: number;
  body: string;
}

/** A GET with the headers given verbatim, the Host included (fetch would not allow it). */
function getWithHeaders(path: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, headers, setHost: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

/** A request written byte by byte, for heads node:http refuses to send. */
function rawRequest(head: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(`${head}\r\n\r\n`));
    const chunks: Buffer[] = [];
    socket.on("data", (c: Buffer) => chunks.push(c));
    socket.on("error", reject);
    socket.on("end", () => {
      const text = Buffer.concat(chunks).toString();
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), body: text });
    });
  });
}

const jsonLdUrl = (html: string) =>
  (
    JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? "{}") as {
      url?: string;
    }
  ).url;

describe("a forged Host header", () => {
  it("never reaches a public page, its data, or the next visitor's copy", async () => {
    for (const path of [progettoPage, `/attuazione/${istat}`, `/attuazione/${istat}/dati.json`]) {
      const forged = await getWithHeaders(path, { Host: "evil.example" });
      expect(forged.status).toBe(200);
      expect(forged.body).not.toContain("evil.example");
      const next = await get(app, path, null);
      const body = await next.text();
      expect(next.status).toBe(200);
      expect(body).not.toContain("evil.example");
    }
    const forged = await getWithHeaders(progettoPage, { Host: "evil.example:8443" });
    expect(jsonLdUrl(forged.body)).toBe(`${app.url}${progettoPage}`);
  });

  it("never reaches the calendar links of the Scadenze page or the feeds", async () => {
    const page = await getWithHeaders("/scadenze", { Host: "evil.example", Cookie: cookie });
    expect(page.status).toBe(200);
    expect(page.body).not.toContain("evil.example");
    const feed = /(http:\/\/[^<\s"]+\/comuni\/\d+\.ics)/.exec(page.body)?.[1] ?? "";
    expect(feed.startsWith(`${app.url}/calendario/`)).toBe(true);
    const ics = await getWithHeaders(feed.slice(app.url.length), { Host: "evil.example" });
    expect(ics.status).toBe(200);
    const events = parseIcs(ics.body).children.filter((c) => c.name === "VEVENT");
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) expect(prop(event, "URL")).toMatch(`${app.url}/progetti/`);
    expect(ics.body.replaceAll("\r\n ", "")).not.toContain("evil.example");
  });

  it.each([
    ["an unclosed IPv6 bracket", "[bad"],
    ["a space", "a b"],
    ["nothing", ""],
    ["a port out of range", "localhost:99999"],
    ["a negative port", "localhost:-1"],
    ["a path", "evil.example/x"],
  ])("with %s gives a page or a 4xx, never a 5xx", async (_name, host) => {
    for (const path of [progettoPage, `/attuazione/${istat}/dati.json`, "/accedi", "/scadenze"]) {
      const answer = await rawRequest(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close`);
      expect(answer.status, `${path} with Host ${host}`).toBeGreaterThanOrEqual(200);
      expect(answer.status, `${path} with Host ${host}`).toBeLessThan(500);
      expect(answer.body).not.toContain("evil.example");
    }
  });

  it("ignores a forwarded host with a bad port and a request line naming another host", async () => {
    for (const path of [progettoPage, "/accedi"]) {
      const forwarded = await rawRequest(
        `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Forwarded-Host: evil.example:99999\r\nConnection: close`,
      );
      expect(forwarded.status).toBe(200);
      const absolute = await rawRequest(
        `GET http://evil.example${path} HTTP/1.1\r\nHost: evil.example\r\nConnection: close`,
      );
      expect(absolute.status).toBe(200);
      expect(absolute.body).not.toContain("evil.example");
    }
  });
});
