/**
 * Issue 19: every form that can fail opens on a summary of its errors, each linked to its
 * field, focused on load — the administration's and the account's forms too.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../support/app-server";
import { pageText, post, signInAs } from "../support/http";

let app: RunningApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

/** The summary box of a refused form: its title and where each error links. */
function summary(html: string) {
  const box = /<div class="error-summary"[^>]*>([\s\S]*?)<\/div>/.exec(html);
  return {
    focused: /<div class="error-summary"[^>]*autofocus/i.test(html),
    title: pageText(/<h2[^>]*>(.*?)<\/h2>/.exec(box?.[1] ?? "")?.[1] ?? ""),
    links: [...(box?.[1] ?? "").matchAll(/href="#([^"]+)"/g)].map((m) => m[1]),
  };
}

describe("a refused form of the administration or the account", () => {
  it("opens on its errors: the password change", async () => {
    const cookie = await signInAs(app, "lettore");
    const answer = await post(
      app,
      "/account/password",
      { current: "sbagliata", next: "una-nuova-password-lunga", confirm: "un-altra" },
      cookie,
    );
    const found = summary(await answer.text());
    expect(found.title).toMatch(/^(C'è un errore|Ci sono \d+ errori)$/);
    expect(found.links.length).toBeGreaterThan(0);
    expect(found.focused).toBe(true);
  });

  it("opens on its errors: a new account with a bad e-mail", async () => {
    const cookie = await signInAs(app, "admin");
    const answer = await post(
      app,
      "/admin/utenti",
      { intent: "create", email: "non-una-email", name: "", role: "editor" },
      cookie,
    );
    const found = summary(await answer.text());
    expect(found.title).toMatch(/^(C'è un errore|Ci sono \d+ errori)$/);
    expect(found.links).toContain("email");
    expect(found.focused).toBe(true);
  });
});
