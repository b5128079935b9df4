import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../support/app-server";
import { demoAccount, get, post } from "../support/http";

let app: RunningApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

describe("the page after signing in", () => {
  it.each([
    ["a tab, which browsers drop", "/\t/evil.example", "/"],
    ["a newline", "/scadenze\n", "/"],
    ["a header smuggled after a newline", "/scadenze\r\nSet-Cookie: x=1", "/"],
    ["a dot segment before a second slash", "/.//evil.example", "/"],
    ["another site", "https://evil.example/", "/"],
    ["a page of the site", "/scadenze?stato=overdue", "/scadenze?stato=overdue"],
  ])("with %s in ritorno is a 302 to a path of this site", async (_name, ritorno, expected) => {
    const { email, password } = demoAccount("editor");
    const response = await post(app, "/accedi", { email, password, ritorno }, null);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(expected);
    expect(response.headers.get("set-cookie")).toMatch(/^[^=]+=[^;]+;/);
  });

  it("offers the decoded target back to the form, where it is refused", async () => {
    const page = await (await get(app, "/accedi?ritorno=/%09/evil.example", null)).text();
    const value = /name="ritorno" value="([^"]*)"/.exec(page)?.[1];
    expect(value).toBe("/\t/evil.example");
  });
});
