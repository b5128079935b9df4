import { afterEach, describe, expect, it } from "vitest";
import { PER_ACCOUNT } from "~/auth/throttle";
import { throttled } from "~/models/utenti.server";
import { createTempDatabase, type TempDatabase } from "../support/temp-db";

let temp: TempDatabase | undefined;
afterEach(() => temp?.cleanup());

/** A password check as slow as scrypt, so that parallel attempts overlap. */
const slowCheck = (result: boolean, counter: { n: number }) => async () => {
  counter.n++;
  await new Promise((r) => setTimeout(r, 30));
  return result;
};

describe("the throttle under parallel attempts", () => {
  it("checks at most the allowed number of 100 parallel wrong passwords", async () => {
    temp = createTempDatabase();
    const { db } = temp;
    const checked = { n: 0 };
    const keys = [["account:x@example.it|1.2.3.4", PER_ACCOUNT]] as const;
    const results = await Promise.all(
      Array.from({ length: 100 }, () => throttled(db, keys, slowCheck(false, checked))),
    );
    expect(checked.n).toBe(PER_ACCOUNT.maxFailures);
    expect(results.filter((r) => !r.ok && r.reason === "locked")).toHaveLength(
      100 - PER_ACCOUNT.maxFailures,
    );
  });

  it("does not let the right password through once parallel wrong ones used up the tries", async () => {
    temp = createTempDatabase();
    const { db } = temp;
    const checked = { n: 0 };
    const keys = [["account:x@example.it|1.2.3.4", PER_ACCOUNT]] as const;
    const wrong = Array.from({ length: 39 }, () => throttled(db, keys, slowCheck(false, checked)));
    const right = await throttled(db, keys, slowCheck(true, checked));
    await Promise.all(wrong);
    expect(right).toMatchObject({ ok: false, reason: "locked" });
    expect(checked.n).toBe(PER_ACCOUNT.maxFailures);
  });

  it("clears the count after a success", async () => {
    temp = createTempDatabase();
    const checked = { n: 0 };
    const keys = [["password:7", PER_ACCOUNT]] as const;
    for (let i = 0; i < PER_ACCOUNT.maxFailures - 1; i++)
      await throttled(temp.db, keys, slowCheck(false, checked));
    expect(await throttled(temp.db, keys, slowCheck(true, checked))).toEqual({ ok: true });
    for (let i = 0; i < PER_ACCOUNT.maxFailures - 1; i++)
      expect((await throttled(temp.db, keys, slowCheck(false, checked))).ok).toBe(false);
    expect(await throttled(temp.db, keys, slowCheck(true, checked))).toEqual({ ok: true });
  });
});
