import { describe, expect, it } from "vitest";
import { afterFailure, lockRemaining, type ThrottleState } from "~/auth/throttle";

const rule = { maxFailures: 3, windowMs: 1_000, lockMs: 5_000 };

function fail(times: number, start: number, step = 10): ThrottleState | null {
  let state: ThrottleState | null = null;
  for (let i = 0; i < times; i++) state = afterFailure(state, start + i * step, rule);
  return state;
}

describe("sign-in throttling", () => {
  it("forgives a few failures", () => {
    const state = fail(2, 0);
    expect(state).toEqual({ failures: 2, firstFailureAt: 0, lockedUntil: null });
    expect(lockRemaining(state, 20)).toBe(0);
  });

  it("locks after the maximum number of failures within the window", () => {
    const state = fail(3, 0);
    expect(state?.lockedUntil).toBe(5_020);
    expect(lockRemaining(state, 1_020)).toBe(4_000);
    expect(lockRemaining(state, 5_020)).toBe(0);
  });

  it("starts counting again once the window has passed", () => {
    const state = afterFailure(fail(2, 0), 2_000, rule);
    expect(state).toEqual({ failures: 1, firstFailureAt: 2_000, lockedUntil: null });
  });

  it("starts counting again once a lock has expired", () => {
    const locked = fail(3, 0);
    expect(afterFailure(locked, 6_000, rule)).toEqual({
      failures: 1,
      firstFailureAt: 6_000,
      lockedUntil: null,
    });
  });
});
