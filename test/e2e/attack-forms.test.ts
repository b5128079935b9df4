/**
 * Attacks on the form actions: a body that is not a form at all reaches `request.formData()`
 * in every action, whose parse error then answers 500, to anyone, on /accedi too.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../support/app-server";
import { comuneId, signInAs } from "../support/http";

let app: RunningApp;
let editor: string;
let sml: number;

beforeAll(async () => {
  app = await startApp();
  editor = await signInAs(app, "editor");
  sml = comuneId(app, "Santa Margherita Ligure");
});
afterAll(() => app?.stop());

const NOT_A_FORM: Record<string, string> = {
  JSON: "application/json",
  "plain text": "text/plain",
  "multipart without a boundary": "multipart/form-data",
  "no content type": "",
};

function send(path: string, contentType: string, cookie: string | null) {
  const headers: Record<string, string> = { Origin: app.url };
  if (cookie) headers.Cookie = cookie;
  // fetch adds text/plain to a string body; a Uint8Array body goes without a type.
  if (contentType) headers["Content-Type"] = contentType;
  return fetch(`${app.url}${path}`, {
    method: "POST",
    headers,
    body: new TextEncoder().encode('{"email":"a@b.it","password":"x"}'),
    redirect: "manual",
  });
}

describe("a body that is not a form", () => {
  for (const [what, type] of Object.entries(NOT_A_FORM)) {
    it(`(${what}) sent anonymously to the sign-in page is bad input, not a 500`, async () => {
      const response = await send("/accedi", type, null);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    });

    it(`(${what}) sent by an editor to a comune's page is bad input, not a 500`, async () => {
      const response = await send(`/comuni/${sml}`, type, editor);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
    });
  }
});
