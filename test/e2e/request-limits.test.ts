/**
 * Every request body is bounded: declared or chunked, urlencoded or multipart, on a page
 * with an account or without one. Measured on the server's own resident memory.
 */
import { readFileSync } from "node:fs";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../support/app-server";
import { comuneId, get, post, query, signIn, signInAs } from "../support/http";

let app: RunningApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

const residentMb = () => {
  const status = readFileSync(`/proc/${app.pid()}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024;
};

/**
 * Sends a body of `totalBytes` over a raw socket (declared with Content-Length, or chunked),
 * stopping as soon as the server answers or closes; returns the status line, if any.
 */
function flood(
  path: string,
  headers: Record<string, string>,
  totalBytes: number,
  chunked: boolean,
): Promise<{ status: number | null; sent: number }> {
  const url = new URL(app.url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(url.port), url.hostname);
    let answer = "";
    let sent = 0;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      socket.destroy();
      const status = /^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1];
      resolve({ status: status ? Number(status) : null, sent });
    };
    socket.on("data", (d) => {
      answer += d.toString("latin1");
      if (answer.includes("\r\n\r\n")) finish();
    });
    socket.on("error", finish);
    socket.on("close", finish);
    const head = [
      `POST ${path} HTTP/1.1`,
      `Host: ${url.host}`,
      `Origin: ${app.url}`,
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
      chunked ? "Transfer-Encoding: chunked" : `Content-Length: ${totalBytes}`,
      "",
      "",
    ].join("\r\n");
    socket.write(head);
    const piece = Buffer.alloc(1024 * 1024, "a");
    // A chunk at a time, reading the answer in between, as a client that sends a body does.
    const pump = () => {
      if (done) return;
      if (sent >= totalBytes) {
        if (chunked) socket.write("0\r\n\r\n");
        return;
      }
      const chunk = chunked
        ? Buffer.concat([
            Buffer.from(`${piece.length.toString(16)}\r\n`),
            piece,
            Buffer.from("\r\n"),
          ])
        : piece;
      sent += piece.length;
      if (socket.write(chunk)) setImmediate(pump);
      else socket.once("drain", pump);
    };
    pump();
    setTimeout(finish, 20_000);
  });
}

describe("request bodies", () => {
  it("refuses three 300 MB urlencoded sign-in posts without growing the server", async () => {
    const before = residentMb();
    for (const chunked of [false, true, false]) {
      const { status, sent } = await flood(
        "/accedi",
        { "Content-Type": "application/x-www-form-urlencoded" },
        300 * 1024 * 1024,
        chunked,
      );
      expect(status).toBe(413);
      // The server answered long before the whole body could arrive.
      expect(sent).toBeLessThan(300 * 1024 * 1024);
    }
    expect(residentMb() - before).toBeLessThan(100);
    // And it still answers normally.
    expect((await get(app, "/accedi", null)).status).toBe(200);
  }, 60_000);

  it("refuses a form with more fields than any form of ours", async () => {
    const editor = await signInAs(app, "editor");
    const sml = comuneId(app, "Santa Margherita Ligure");
    const fields: Record<string, string[]> = { x: Array.from({ length: 5_000 }, () => "1") };
    const response = await post(app, `/comuni/${sml}`, fields, editor);
    expect(response.status).toBe(413);
    await expect(response.text()).resolves.toContain("supera la dimensione massima");
  });

  it("refuses many multipart text fields, on an upload route and elsewhere", async () => {
    const editor = await signInAs(app, "editor");
    const [progetto] = query<{ id: number }>(
      app,
      "select id from progetto where cup = 'G51F22003070006'",
    );
    const documents = () => query<{ n: number }>(app, "select count(*) n from documento")[0]?.n;
    const before = documents();
    for (const path of [
      `/progetti/${progetto?.id}/documenti`,
      `/comuni/${comuneId(app, "Santa Margherita Ligure")}`,
    ]) {
      const form = new FormData();
      for (let i = 0; i < 3_000; i++) form.append(`f${i}`, "x");
      form.append("file", new Blob([Buffer.from("%PDF-1.4\n%%EOF")]), "a.pdf");
      const response = await fetch(app.url + path, {
        method: "POST",
        body: form,
        headers: { Cookie: editor, Origin: app.url },
        redirect: "manual",
      });
      expect(response.status, path).not.toBeGreaterThanOrEqual(500);
      expect([200, 413], path).toContain(response.status);
      if (response.status === 200)
        await expect(response.text()).resolves.toMatch(/troppo grand|supera/i);
    }
    expect(documents()).toBe(before);
  });
});

describe("sign-in and password throttles", () => {
  it("checks at most five of 100 parallel wrong passwords", async () => {
    const attempts = await Promise.all(
      Array.from({ length: 100 }, () =>
        post(app, "/accedi", { email: "lettore@cruscotto.example", password: "sbagliata" }, null),
      ),
    );
    const texts = await Promise.all(attempts.map((r) => r.text()));
    expect(
      texts.filter((t) => t.includes("Email o password non corretti")).length,
    ).toBeLessThanOrEqual(5);
    expect(texts.filter((t) => t.includes("Troppi tentativi")).length).toBeGreaterThanOrEqual(95);
  }, 60_000);

  it("throttles the current password on the password page", async () => {
    const cookie = await signInAs(app, "coordinatore");
    const answers: string[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await post(
        app,
        "/account/password",
        {
          current: "sbagliata",
          next: "una-nuova-password-lunga",
          confirm: "una-nuova-password-lunga",
        },
        cookie,
      );
      answers.push(await response.text());
    }
    expect(answers.slice(0, 5).every((t) => t.includes("La password attuale non è corretta"))).toBe(
      true,
    );
    expect(answers[5]).toContain("Troppi tentativi");
  });

  it("ends a user's sessions when an administrator resets the password", async () => {
    const editor = await signInAs(app, "editor");
    expect((await get(app, "/", editor)).status).toBe(200);
    const admin = await signInAs(app, "admin");
    const [target] = query<{ id: number }>(
      app,
      "select id from utente where email = 'editor@cruscotto.example'",
    );
    const reset = await post(
      app,
      `/admin/utenti/${target?.id}`,
      { intent: "reset-password" },
      admin,
    );
    expect(reset.status).toBe(200);
    const password = /<code[^>]*>([^<]+)<\/code>/.exec(await reset.text())?.[1];
    expect(password).toBeTruthy();
    expect((await get(app, "/scadenze", editor)).status).toBe(303);
    // The new password works.
    await signIn(app, "editor@cruscotto.example", password as string);
  });
});
