/** The home page's money total leaves out the renounced and revoked grants, and says so. */
import { afterAll, beforeAll, expect, it } from "vitest";
import { type RunningApp, startApp } from "../support/app-server";
import { get, pageText, signInAs } from "../support/http";

let app: RunningApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app?.stop();
});

it("says how many renounced grants the total left out", async () => {
  const response = await get(app, "/", await signInAs(app, "admin"));
  const text = pageText((await response.text()).replace(/<[^>]+>/g, "")).replace(/\s+/g, " ");
  // The demo has two renounced grants and a negative asseverazione.
  expect(text).toMatch(
    /€ [\d.]+,\d\d finanziati, esclusi 2 rinunciati e 1 revocato \(€ [\d.]+,\d\d\)/,
  );
});
