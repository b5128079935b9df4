/**
 * The per-address sign-in limit ("someone trying many accounts from one place") is cleared by
 * any successful sign-in from that address: an attacker with one account of their own signs
 * in between rounds of guesses and never meets the limit.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { PER_ADDRESS } from "~/auth/throttle";
import { type RunningApp, startApp } from "../support/app-server";
import { demoAccount, post } from "../support/http";

let app: RunningApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.stop());

async function attempt(email: string, password: string) {
  const response = await post(app, "/accedi", { email, password }, null);
  if (response.status === 302) return "signed-in";
  return (await response.text()).includes("Troppi tentativi") ? "locked" : "refused";
}

it("still locks an address that interleaves its own successful sign-ins", async () => {
  const own = demoAccount("lettore");
  let guesses = 0;
  const outcomes: string[] = [];
  for (let round = 0; round < 4; round++) {
    for (let i = 0; i < PER_ADDRESS.maxFailures - 5; i++) {
      guesses++;
      outcomes.push(await attempt(`persona${guesses}@comune.example`, "Estate2024!"));
    }
    await attempt(own.email, own.password);
  }
  const refused = outcomes.filter((o) => o === "refused").length;
  // 60 guesses in well under 15 minutes from one address: past the 20th they must be locked.
  expect(guesses).toBeGreaterThan(PER_ADDRESS.maxFailures);
  expect(refused, "guesses checked against a password from one address").toBeLessThanOrEqual(
    PER_ADDRESS.maxFailures,
  );
});
