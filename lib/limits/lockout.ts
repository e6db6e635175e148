// The lockout gate, as Microsoft Identity Manager's QA gate does it: a run of wrong
// submissions locks the reset path for a while; enough such locks lock the account until the
// school unlocks it. Pure transitions; lib/data/challenge-state.ts applies them under a row lock
// so that parallel requests on many servers cannot get extra guesses.

export type LockoutConfig = {
  /** Wrong submissions in a row that lock the reset path. */
  maxWrongAnswers: number;
  /** How long the reset path stays locked. */
  lockMinutes: number;
  /** The lock that locks the account until the school unlocks it. */
  locksBeforeAccountLock: number;
};

export type GateState = {
  /** Attempts reserved in the current run (judged or still being judged). */
  attempts: number;
  /** Temporary locks so far. */
  lockCount: number;
  lockedUntil: Date | null;
  accountLocked: boolean;
};

export type GateStatus = "open" | "locked" | "accountLocked";

export const OPEN_GATE: GateState = { attempts: 0, lockCount: 0, lockedUntil: null, accountLocked: false };

export function gateStatus(state: GateState, now: Date): GateStatus {
  if (state.accountLocked) return "accountLocked";
  if (state.lockedUntil && state.lockedUntil > now) return "locked";
  return "open";
}

/** Take one attempt before the answers are judged. Null: refused, the gate is locked or full. */
export function reserveAttempt(state: GateState, now: Date, config: LockoutConfig): GateState | null {
  if (gateStatus(state, now) !== "open") return null;
  // A lock that has run out starts a fresh run.
  const base = state.lockedUntil ? { ...state, attempts: 0, lockedUntil: null } : state;
  if (base.attempts >= config.maxWrongAnswers) return null;
  return { ...base, attempts: base.attempts + 1 };
}

/** A reserved attempt was judged wrong: the run's last one locks. */
export function recordWrongAnswer(state: GateState, now: Date, config: LockoutConfig): GateState {
  if (gateStatus(state, now) !== "open" || state.attempts < config.maxWrongAnswers) return state;
  const lockCount = state.lockCount + 1;
  if (lockCount >= config.locksBeforeAccountLock) {
    return { attempts: 0, lockCount, lockedUntil: null, accountLocked: true };
  }
  return {
    attempts: 0,
    lockCount,
    lockedUntil: new Date(now.getTime() + config.lockMinutes * 60_000),
    accountLocked: false,
  };
}

/** An attempt is judged within seconds. A run left full for longer (a request that died while
 *  judging) is settled as wrong, so the gate locks for a while instead of refusing forever. */
export const JUDGING_TIMEOUT_MS = 60_000;

export function settleStaleRun(
  state: GateState,
  lastChange: Date,
  now: Date,
  config: LockoutConfig,
): GateState {
  const stale = now.getTime() - lastChange.getTime() > JUDGING_TIMEOUT_MS;
  return stale && state.attempts >= config.maxWrongAnswers ? recordWrongAnswer(state, now, config) : state;
}

/** A correct answer ends the run of wrong ones. */
export function recordCorrectAnswer(state: GateState): GateState {
  return { ...state, attempts: 0 };
}

/** After a completed reset or a school unlock, the gate starts over. */
export function clearGate(): GateState {
  return { ...OPEN_GATE };
}
