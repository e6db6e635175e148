// Story: whoever guesses a password, from however many addresses, gets 10 wrong tries in a row for
// free, then waits longer after each (30 s, doubling, at most 15 minutes), and never has more than
// 100 wrong passwords judged in any hour; the right password starts the run again.
import { describe, expect, it } from "vitest";
import {
  FREE_FAILURES,
  FRESH_THROTTLE,
  HOURLY_CAP,
  MAX_DELAY_MINUTES,
  afterRightPassword,
  delayAfter,
  takeTurn,
  type ThrottleState,
} from "@/lib/limits/sign-in-throttle";

const start = new Date("2026-11-30T08:00:00Z");
const later = (ms: number) => new Date(start.getTime() + ms);

/** Tries as fast as allowed for `ms`, every try wrong: how many were judged. */
function guessFor(
  ms: number,
  state: ThrottleState = FRESH_THROTTLE,
): { judged: number; state: ThrottleState } {
  let judged = 0;
  for (let t = 0; t < ms; t += 1000) {
    const turn = takeTurn(state, later(t));
    if (!turn.allowed) continue;
    judged++;
    state = turn.next;
  }
  return { judged, state };
}

describe("the sign-in throttle", () => {
  it("lets 10 wrong passwords through, then makes each next try wait longer", () => {
    let state = FRESH_THROTTLE;
    for (let i = 1; i <= FREE_FAILURES; i++) {
      const turn = takeTurn(state, start);
      expect(turn.allowed).toBe(true);
      if (!turn.allowed) return;
      state = turn.next;
      expect(turn.slowedNow).toBe(i === FREE_FAILURES);
    }
    const refused = takeTurn(state, later(1000));
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 29 });
    expect(delayAfter(11)).toBe(60_000);
    expect(delayAfter(40)).toBe(MAX_DELAY_MINUTES * 60_000);
  });

  it("judges far fewer than 100 wrong passwords in an hour of non-stop guessing", () => {
    const { judged } = guessFor(3_600_000);
    expect(judged).toBeLessThanOrEqual(HOURLY_CAP);
    expect(judged).toBeLessThan(25);
  });

  it("never judges more than 100 in an hour, even when the right password keeps ending the run", () => {
    let state = FRESH_THROTTLE;
    let wrong = 0;
    for (let t = 0; t < 3_600_000; t += 1000) {
      const turn = takeTurn(state, later(t));
      if (!turn.allowed) continue;
      state = turn.next;
      // The owner signs in after every 9th wrong guess: the run never reaches the delays.
      if (state.failures === 9) {
        wrong += 9;
        const owner = takeTurn(state, later(t + 1));
        if (owner.allowed) state = afterRightPassword(owner.next, later(t + 1));
      }
    }
    wrong += state.failures;
    expect(wrong).toBe(HOURLY_CAP);
  });

  it("starts again after the right password", () => {
    const { state } = guessFor(5_000);
    const turn = takeTurn(state, later(10_000));
    expect(turn.allowed).toBe(true);
    if (!turn.allowed) return;
    const after = afterRightPassword(turn.next, later(10_000));
    expect(after.failures).toBe(0);
    expect(after.blockedUntil).toBeNull();
    expect(after.recentFailures).toHaveLength(turn.next.recentFailures.length - 1);
  });
});
