// Per-account limits on password guesses, whatever the client's address (OWASP ASVS 5.0 6.3.1).
// Pure rules here; lib/data/sign-in-throttle.ts applies them under a row lock, taking a try
// BEFORE the password is judged, so parallel requests on any number of instances get no more.
//
// - The first FREE_FAILURES wrong passwords in a row cost nothing extra.
// - After that each wrong password makes the next try wait: 30 s, then twice as long each time,
//   at most MAX_DELAY_MINUTES. It is a short wait, never a lock that only the school lifts.
// - Never more than HOURLY_CAP wrong passwords judged for one key in any 60 minutes.
// - A right password starts the run again (the hourly count stays).
//
// The key is the account, or the Login ID when no account has it (so an unknown ID is slowed
// exactly like a real one), or a device that signed in to this account before: that device has
// its own count, so someone guessing from elsewhere cannot keep the student or the school's
// administrator out of their usual device. The reset path is a separate gate: a slowed sign-in
// never stops Forgot Password?, and a reset clears the account's count.

export const FREE_FAILURES = 10;
export const FIRST_DELAY_SECONDS = 30;
export const MAX_DELAY_MINUTES = 15;
export const HOURLY_CAP = 100;
const HOUR_MS = 3_600_000;

export type ThrottleState = {
  /** Wrong passwords in a row. */
  failures: number;
  /** When each wrong password of the last hour was judged. */
  recentFailures: Date[];
  blockedUntil: Date | null;
};

export const FRESH_THROTTLE: ThrottleState = { failures: 0, recentFailures: [], blockedUntil: null };

/** How long the next try waits after `failures` wrong passwords in a row. */
export function delayAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  const seconds = FIRST_DELAY_SECONDS * 2 ** Math.min(failures - FREE_FAILURES, 16);
  return Math.min(seconds * 1000, MAX_DELAY_MINUTES * 60_000);
}

function lastHour(state: ThrottleState, now: Date): Date[] {
  return state.recentFailures.filter((at) => now.getTime() - at.getTime() < HOUR_MS);
}

export type Turn =
  { allowed: true; next: ThrottleState; slowedNow: boolean } | { allowed: false; retryAfterSeconds: number };

/** A try, taken before judging as if it were wrong (a right password gives it back: see
 *  `afterRightPassword`). Refused while the key waits or its hour is full. */
export function takeTurn(state: ThrottleState, now: Date): Turn {
  const recent = lastHour(state, now);
  const waits: number[] = [];
  if (state.blockedUntil && state.blockedUntil > now)
    waits.push(state.blockedUntil.getTime() - now.getTime());
  if (recent.length >= HOURLY_CAP) {
    const oldest = Math.min(...recent.map((at) => at.getTime()));
    waits.push(oldest + HOUR_MS - now.getTime());
  }
  if (waits.length > 0) {
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(Math.max(...waits) / 1000)) };
  }
  const failures = state.failures + 1;
  const delay = delayAfter(failures);
  return {
    allowed: true,
    next: {
      failures,
      recentFailures: [...recent, now],
      blockedUntil: delay > 0 ? new Date(now.getTime() + delay) : null,
    },
    slowedNow: failures === FREE_FAILURES,
  };
}

/** The try was the right password: it was not a failure, and the run starts again. */
export function afterRightPassword(taken: ThrottleState, at: Date): ThrottleState {
  return {
    failures: 0,
    recentFailures: taken.recentFailures.filter((when) => when.getTime() !== at.getTime()),
    blockedUntil: null,
  };
}
