/** Sign-in throttling policy: a few failures are forgiven, a run of them locks for a while. */

export interface ThrottleState {
  failures: number;
  firstFailureAt: number;
  lockedUntil: number | null;
}

export interface ThrottleRule {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

const MINUTE = 60_000;
/** Per e-mail and address: the common case of someone guessing one account's password. */
export const PER_ACCOUNT: ThrottleRule = {
  maxFailures: 5,
  windowMs: 15 * MINUTE,
  lockMs: 15 * MINUTE,
};
/** Per address: someone trying many accounts from one place. */
export const PER_ADDRESS: ThrottleRule = {
  maxFailures: 20,
  windowMs: 15 * MINUTE,
  lockMs: 15 * MINUTE,
};

/** Milliseconds until sign-in is allowed again; 0 when it is allowed now. */
export function lockRemaining(state: ThrottleState | null, now: number): number {
  if (!state?.lockedUntil) return 0;
  return Math.max(0, state.lockedUntil - now);
}

export function afterFailure(
  state: ThrottleState | null,
  now: number,
  rule: ThrottleRule,
): ThrottleState {
  const fresh =
    state === null ||
    now - state.firstFailureAt > rule.windowMs ||
    (lockRemaining(state, now) === 0 && state.lockedUntil !== null);
  const failures = fresh ? 1 : state.failures + 1;
  const firstFailureAt = fresh ? now : state.firstFailureAt;
  return {
    failures,
    firstFailureAt,
    lockedUntil: failures >= rule.maxFailures ? now + rule.lockMs : null,
  };
}

/** What a locked-out user reads, with the wait rounded up to whole minutes. */
export function lockedMessage(retryAfterMs: number): string {
  return `Troppi tentativi non riusciti. Riprova tra ${Math.ceil(retryAfterMs / 60_000)} minuti.`;
}
