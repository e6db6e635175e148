import { describe, expect, it } from "vitest";
import {
  OPEN_GATE,
  clearGate,
  gateStatus,
  recordCorrectAnswer,
  recordWrongAnswer,
  reserveAttempt,
  settleStaleRun,
  JUDGING_TIMEOUT_MS,
  type GateState,
  type LockoutConfig,
} from "@/lib/limits/lockout";

const config: LockoutConfig = { maxWrongAnswers: 3, lockMinutes: 15, locksBeforeAccountLock: 3 };
const start = new Date("2025-03-03T07:30:00+08:00");

function at(minutes: number): Date {
  return new Date(start.getTime() + minutes * 60_000);
}

/** Take an attempt, as the server does before judging the answers; fails the test if refused. */
function reserve(state: GateState, now: Date, cfg = config): GateState {
  const next = reserveAttempt(state, now, cfg);
  expect(next, "the attempt should have been reserved").not.toBeNull();
  return next!;
}

/** One submission judged wrong: reserve, then record the verdict. */
function wrong(state: GateState, now: Date, cfg = config): GateState {
  return recordWrongAnswer(reserve(state, now, cfg), now, cfg);
}

/** One submission judged correct. */
function correct(state: GateState, now: Date): GateState {
  return recordCorrectAnswer(reserve(state, now));
}

/** A full run of wrong submissions, one after the other. */
function wrongRun(state: GateState, now: Date): GateState {
  let next = state;
  for (let i = 0; i < config.maxWrongAnswers; i++) next = wrong(next, now);
  return next;
}

/** A copy that throws on any write to its fields. */
function frozen(state: GateState): GateState {
  return Object.freeze({ ...state });
}

describe("lockout gate", () => {
  it("starts open, with nothing counted", () => {
    expect(gateStatus(OPEN_GATE, start)).toBe("open");
    expect(OPEN_GATE).toEqual({ attempts: 0, lockCount: 0, lockedUntil: null, accountLocked: false });
  });

  it("stays open after 2 wrong answers", () => {
    const state = wrong(wrong(OPEN_GATE, at(0)), at(1));
    expect(gateStatus(state, at(1))).toBe("open");
    expect(state).toEqual({ attempts: 2, lockCount: 0, lockedUntil: null, accountLocked: false });
  });

  it("locks the reset path for 15 minutes after 3 wrong answers", () => {
    const state = wrong(wrong(wrong(OPEN_GATE, at(0)), at(1)), at(2));
    expect(state).toEqual({ attempts: 0, lockCount: 1, lockedUntil: at(17), accountLocked: false });
    expect(gateStatus(state, at(2))).toBe("locked");
    expect(gateStatus(state, new Date(at(17).getTime() - 1))).toBe("locked");
    expect(gateStatus(state, at(17))).toBe("open");
  });

  it("refuses every attempt while the reset path is locked", () => {
    const locked = wrongRun(OPEN_GATE, at(0));
    expect(reserveAttempt(locked, at(1), config)).toBeNull();
    expect(reserveAttempt(locked, at(14), config)).toBeNull();
  });

  it("does not lengthen a lock or count another lock when a late wrong verdict arrives", () => {
    const locked = wrongRun(OPEN_GATE, at(0));
    expect(recordWrongAnswer(locked, at(5), config)).toBe(locked);
  });

  it("never adds a lock to a locked gate, whatever its counters say", () => {
    // Not reachable through these transitions, but a stored row may hold it (e.g. an older version).
    const lockedButFull: GateState = { attempts: 3, lockCount: 1, lockedUntil: at(15), accountLocked: false };
    const accountLockedButFull: GateState = {
      attempts: 3,
      lockCount: 3,
      lockedUntil: null,
      accountLocked: true,
    };
    expect(recordWrongAnswer(lockedButFull, at(1), config)).toBe(lockedButFull);
    expect(recordWrongAnswer(accountLockedButFull, at(1), config)).toBe(accountLockedButFull);
  });

  it("a correct answer resets the run", () => {
    const twoWrong = wrong(wrong(OPEN_GATE, at(0)), at(1));
    const afterCorrect = correct(twoWrong, at(2));
    expect(afterCorrect.attempts).toBe(0);
    const twoMoreWrong = wrong(wrong(afterCorrect, at(3)), at(4));
    expect(gateStatus(twoMoreWrong, at(4))).toBe("open");
    expect(gateStatus(wrong(twoMoreWrong, at(5)), at(5))).toBe("locked");
  });

  it("a correct answer does not forget earlier locks", () => {
    const afterLock = wrongRun(OPEN_GATE, at(0));
    const afterCorrect = correct(afterLock, at(20));
    expect(afterCorrect).toEqual({ attempts: 0, lockCount: 1, lockedUntil: null, accountLocked: false });
  });

  it("an expired lock starts a fresh run", () => {
    const locked = wrongRun(OPEN_GATE, at(0));
    const firstOfNewRun = reserve(locked, at(15));
    expect(firstOfNewRun).toEqual({ attempts: 1, lockCount: 1, lockedUntil: null, accountLocked: false });
    const twoWrong = wrong(recordWrongAnswer(firstOfNewRun, at(15), config), at(16));
    expect(gateStatus(twoWrong, at(16))).toBe("open");
    expect(twoWrong.attempts).toBe(2);
  });

  it("the second lock is again for 15 minutes", () => {
    const first = wrongRun(OPEN_GATE, at(0));
    const second = wrongRun(first, at(30));
    expect(second).toEqual({ attempts: 0, lockCount: 2, lockedUntil: at(45), accountLocked: false });
    expect(gateStatus(second, at(44))).toBe("locked");
    expect(gateStatus(second, at(45))).toBe("open");
  });

  it("the third lock locks the account until the school unlocks it", () => {
    const first = wrongRun(OPEN_GATE, at(0));
    const second = wrongRun(first, at(30));
    const third = wrongRun(second, at(60));
    expect(third).toEqual({ attempts: 0, lockCount: 3, lockedUntil: null, accountLocked: true });
    expect(gateStatus(third, at(60))).toBe("accountLocked");
    const aYearLater = at(365 * 24 * 60);
    expect(gateStatus(third, aYearLater)).toBe("accountLocked");
    expect(reserveAttempt(third, aYearLater, config)).toBeNull();
    expect(recordWrongAnswer(third, aYearLater, config)).toBe(third);

    const unlocked = clearGate();
    expect(unlocked).toEqual(OPEN_GATE);
    expect(gateStatus(unlocked, aYearLater)).toBe("open");
  });

  it("correct answers between the locks do not save the account", () => {
    let state = OPEN_GATE;
    for (const minute of [0, 30, 60]) {
      state = correct(state, at(minute));
      state = wrongRun(state, at(minute + 1));
    }
    expect(gateStatus(state, at(100))).toBe("accountLocked");
  });

  it("a completed reset clears the gate: a new run of 3 is allowed and the lock count starts over", () => {
    const twoLocks = wrongRun(wrongRun(OPEN_GATE, at(0)), at(30));
    expect(twoLocks.lockCount).toBe(2);
    // The reset is completed at minute 50; without clearing, the next lock would lock the account.
    const next = wrongRun(clearGate(), at(50));
    expect(next).toEqual({ attempts: 0, lockCount: 1, lockedUntil: at(65), accountLocked: false });
  });

  it("clearGate returns a fresh copy, so changing it cannot change OPEN_GATE", () => {
    const cleared = clearGate();
    expect(cleared).not.toBe(OPEN_GATE);
    cleared.attempts = 99;
    expect(OPEN_GATE.attempts).toBe(0);
  });
});

describe("lockout gate: parallel requests", () => {
  it("refuses a 4th reservation while 3 are being judged (parallel requests)", () => {
    const three = reserve(reserve(reserve(OPEN_GATE, at(0)), at(0)), at(0));
    expect(three.attempts).toBe(3);
    expect(reserveAttempt(three, at(0), config)).toBeNull();
    expect(gateStatus(three, at(0))).toBe("open");
  });

  it("lets only 3 of 10 simultaneous requests be judged", () => {
    let state = OPEN_GATE;
    let reserved = 0;
    for (let i = 0; i < 10; i++) {
      const next = reserveAttempt(state, at(0), config);
      if (next) {
        state = next;
        reserved++;
      }
    }
    expect(reserved).toBe(3);
  });

  it("only one of three parallel wrong verdicts locks", () => {
    const three = reserve(reserve(reserve(OPEN_GATE, at(0)), at(0)), at(0));
    const afterFirst = recordWrongAnswer(three, at(0), config);
    const afterSecond = recordWrongAnswer(afterFirst, at(0), config);
    const afterThird = recordWrongAnswer(afterSecond, at(0), config);
    expect(afterFirst).toEqual({ attempts: 0, lockCount: 1, lockedUntil: at(15), accountLocked: false });
    expect(afterSecond).toBe(afterFirst);
    expect(afterThird).toBe(afterFirst);
  });

  it("two parallel wrong verdicts do not lock; the run's third submission does", () => {
    const two = reserve(reserve(OPEN_GATE, at(0)), at(0));
    const judged = recordWrongAnswer(recordWrongAnswer(two, at(0), config), at(0), config);
    expect(judged).toBe(two);
    expect(gateStatus(judged, at(0))).toBe("open");
    expect(gateStatus(wrong(judged, at(1)), at(1))).toBe("locked");
  });

  it("a correct verdict among parallel ones ends the run for the others", () => {
    const three = reserve(reserve(reserve(OPEN_GATE, at(0)), at(0)), at(0));
    const afterCorrect = recordCorrectAnswer(three);
    const afterWrongs = recordWrongAnswer(recordWrongAnswer(afterCorrect, at(0), config), at(0), config);
    expect(afterWrongs).toEqual({ attempts: 0, lockCount: 0, lockedUntil: null, accountLocked: false });
    expect(reserveAttempt(afterWrongs, at(0), config)).not.toBeNull();
  });

  it("parallel runs across two locks still lock the account on the third", () => {
    let state = OPEN_GATE;
    for (const minute of [0, 15, 30]) {
      state = reserve(reserve(reserve(state, at(minute)), at(minute)), at(minute));
      for (let i = 0; i < 3; i++) state = recordWrongAnswer(state, at(minute), config);
    }
    expect(state).toEqual({ attempts: 0, lockCount: 3, lockedUntil: null, accountLocked: true });
  });
});

describe("lockout gate: pure transitions", () => {
  it("never changes the state it is given", () => {
    // Frozen inputs: a transition that wrote to its input would throw here (modules run in strict mode).
    const open = frozen(OPEN_GATE);
    const reserved = frozen(reserve(open, at(0)));
    const full = frozen(reserve(frozen(reserve(reserved, at(0))), at(0)));
    const locked = frozen(recordWrongAnswer(full, at(0), config));
    const reopened = reserve(locked, at(20));
    const afterCorrect = recordCorrectAnswer(full);
    expect([open.attempts, reserved.attempts, full.attempts, afterCorrect.attempts]).toEqual([0, 1, 3, 0]);
    expect(locked).toEqual({ attempts: 0, lockCount: 1, lockedUntil: at(15), accountLocked: false });
    expect(reopened).toEqual({ attempts: 1, lockCount: 1, lockedUntil: null, accountLocked: false });
  });
});

describe("lockout gate: every number is configuration", () => {
  it("5 wrong answers and a 1-minute lock", () => {
    const cfg: LockoutConfig = { maxWrongAnswers: 5, lockMinutes: 1, locksBeforeAccountLock: 3 };
    let state = OPEN_GATE;
    for (let i = 0; i < 4; i++) state = wrong(state, at(0), cfg);
    expect(gateStatus(state, at(0))).toBe("open");
    state = wrong(state, at(0), cfg);
    expect(state.lockedUntil).toEqual(at(1));
    expect(gateStatus(state, at(0.5))).toBe("locked");
    expect(gateStatus(state, at(1))).toBe("open");
  });

  it("the first lock locks the account when locksBeforeAccountLock is 1", () => {
    const cfg: LockoutConfig = { maxWrongAnswers: 1, lockMinutes: 15, locksBeforeAccountLock: 1 };
    const state = wrong(OPEN_GATE, at(0), cfg);
    expect(state).toEqual({ attempts: 0, lockCount: 1, lockedUntil: null, accountLocked: true });
    expect(gateStatus(state, at(0))).toBe("accountLocked");
  });
});

describe("lockout gate: attempts that were never judged", () => {
  it("a run left full by requests that died while judging locks instead of refusing forever", () => {
    const full = reserve(reserve(reserve(OPEN_GATE, at(0)), at(0)), at(0));
    expect(reserveAttempt(full, at(0), config)).toBeNull();
    const later = new Date(at(0).getTime() + JUDGING_TIMEOUT_MS + 1);
    const settled = settleStaleRun(full, at(0), later, config);
    expect(gateStatus(settled, later)).toBe("locked");
    expect(settled.lockedUntil).toEqual(new Date(later.getTime() + 15 * 60_000));
    expect(settled.lockCount).toBe(1);
  });

  it("leaves a run that is still being judged alone", () => {
    const full = reserve(reserve(reserve(OPEN_GATE, at(0)), at(0)), at(0));
    expect(settleStaleRun(full, at(0), new Date(at(0).getTime() + 5_000), config)).toBe(full);
  });
});
