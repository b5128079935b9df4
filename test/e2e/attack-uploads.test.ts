/**
 * Attacks on the upload routes, which stream their multipart body to our own parser: a body
 * that is not well-formed multipart, and a part header that never ends.
 */
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../support/app-server";
import { rawRequest } from "../support/attack";
import { query, signInAs } from "../support/http";

let app: RunningApp;
let editor: string;
let admin: string;
let smlProgetto: number;

beforeAll(async () => {
  app = await startApp();
  editor = await signInAs(app, "editor");
  admin = await signInAs(app, "admin");
  [{ id: smlProgetto }] = query<{ id: number }>(
    app,
    "select id from progetto where cup = 'G51F22003070006'",
  ) as [{ id: number }];
});
afterAll(() => app?.stop());

const BOUNDARY = "AtTaCk";

function multipartPost(path: string, cookie: string, body: string): string {
  const { host } = new URL(app.url);
  return (
    `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nCookie: ${cookie}\r\nOrigin: ${app.url}\r\n` +
    `Content-Type: multipart/form-data; boundary=${BOUNDARY}\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
  );
}

const MALFORMED: Record<string, string> = {
  "a part without Content-Disposition": `--${BOUNDARY}\r\nContent-Type: text/plain\r\n\r\nx\r\n--${BOUNDARY}--\r\n`,
  "a part without a name": `--${BOUNDARY}\r\nContent-Disposition: form-data; filename="a.pdf"\r\n\r\nx\r\n--${BOUNDARY}--\r\n`,
  "a header line without a colon": `--${BOUNDARY}\r\nnonsense\r\n\r\nx\r\n--${BOUNDARY}--\r\n`,
  "an unclosed quote": `--${BOUNDARY}\r\nContent-Disposition: form-data; name="title\r\n\r\nx\r\n--${BOUNDARY}--\r\n`,
  "no closing boundary": `--${BOUNDARY}\r\nContent-Disposition: form-data; name="title"\r\n\r\nx`,
};

describe("a malformed multipart body on an upload route", () => {
  for (const [what, body] of Object.entries(MALFORMED)) {
    it(`with ${what} is refused as bad input, not answered 500`, async () => {
      const upload = await rawRequest(
        app,
        multipartPost(`/progetti/${smlProgetto}/documenti`, editor, body),
      );
      expect(upload.status).toBeGreaterThanOrEqual(400);
      expect(upload.status).toBeLessThan(500);
      const importa = await rawRequest(app, multipartPost("/admin/importa", admin, body));
      expect(importa.status).toBeGreaterThanOrEqual(400);
      expect(importa.status).toBeLessThan(500);
    });
  }
});

describe("a part header that never ends", () => {
  it("is refused long before it has been read into memory", async () => {
    // The parser keeps every header byte until it sees a blank line; 64 MB of one header
    // line (chunked, so no Content-Length to refuse up front) must not all be accepted.
    const { hostname, port, host } = new URL(app.url);
    const socket = connect(Number(port), hostname);
    let answer = "";
    let closed = false;
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => {
      answer += chunk;
    });
    socket.on("close", () => {
      closed = true;
    });
    socket.on("error", () => {
      closed = true;
    });
    const chunk = (data: string) =>
      socket.write(`${Buffer.byteLength(data).toString(16)}\r\n${data}\r\n`);
    socket.write(
      `POST /progetti/${smlProgetto}/documenti HTTP/1.1\r\nHost: ${host}\r\nCookie: ${editor}\r\n` +
        `Origin: ${app.url}\r\nContent-Type: multipart/form-data; boundary=${BOUNDARY}\r\n` +
        "Transfer-Encoding: chunked\r\n\r\n",
    );
    chunk(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="title"; x="`);
    const piece = "A".repeat(1024 * 1024);
    let sentMb = 0;
    while (sentMb < 64 && !closed && answer === "") {
      const flushed = chunk(piece);
      sentMb++;
      if (!flushed) {
        // A server that stopped reading never drains: give up waiting after a while.
        await Promise.race([
          new Promise((r) => socket.once("drain", r)),
          new Promise((r) => setTimeout(r, 2_000)),
        ]);
      }
    }
    await new Promise((r) => setTimeout(r, 1_000));
    socket.destroy();
    expect(
      answer,
      `no answer after ${sentMb} MB of a single part header: the server kept reading it`,
    ).toMatch(/^HTTP\/1\.1 4\d\d/);
    expect(sentMb).toBeLessThan(64);
  }, 60_000);
});
