// The posts let in are handed to the framework a few at a time, one per turn of the event loop
// (lib/http/hand-over.ts): a rush's refusals are answered between them, not after all of them.
import { describe, expect, it } from "vitest";
import { HandOver } from "@/lib/http/hand-over";

/** A hand-over whose turns of the event loop are run by the test, one at a time. */
function stepped(limit: number) {
  const turns: (() => void)[] = [];
  const handOver = new HandOver(limit, (run) => turns.push(run));
  return {
    handOver,
    /** Runs the turns scheduled so far; how many there were. */
    turn: () => {
      const now = turns.splice(0);
      for (const run of now) run();
      return now.length;
    },
  };
}

describe("handing the posts let in to the framework", () => {
  it("hands over one per turn, at most `limit` at once, the next when one is answered", () => {
    const { handOver, turn } = stepped(2);
    const started: number[] = [];
    const ended = [1, 2, 3, 4].map((n) => handOver.enter(() => started.push(n)));
    expect(started).toEqual([]);
    turn();
    expect(started).toEqual([1]);
    turn();
    expect(started).toEqual([1, 2]);
    // Two inside: the third waits however many turns pass.
    turn();
    turn();
    expect(started).toEqual([1, 2]);
    expect(handOver.waiting).toBe(2);
    ended[0]!();
    turn();
    expect(started).toEqual([1, 2, 3]);
    expect(handOver.handedOver).toBe(2);
    ended[1]!();
    ended[2]!();
    turn();
    expect(started).toEqual([1, 2, 3, 4]);
    ended[3]!();
    expect(handOver.handedOver).toBe(0);
    expect(handOver.waiting).toBe(0);
    expect(turn()).toBe(1);
    expect(turn()).toBe(0);
  });

  it("never hands over a request whose client left while it waited, and frees no place for it", () => {
    const { handOver, turn } = stepped(1);
    const started: string[] = [];
    const first = handOver.enter(() => started.push("first"));
    const gone = handOver.enter(() => started.push("gone"));
    handOver.enter(() => started.push("third"));
    turn();
    gone();
    // Still one inside: ending a waiting request does not let another in.
    turn();
    expect(started).toEqual(["first"]);
    expect(handOver.waiting).toBe(1);
    first();
    turn();
    turn();
    expect(started).toEqual(["first", "third"]);
    // Called twice (an answer and a close), an end frees one place only.
    first();
    expect(handOver.handedOver).toBe(1);
  });

  it("lets the next in when a request holds its place too long, and counts that place once", async () => {
    const turns: (() => void)[] = [];
    const handOver = new HandOver(1, (run) => turns.push(run), 30);
    const started: string[] = [];
    const stuck = handOver.enter(() => started.push("stuck"));
    handOver.enter(() => started.push("next"));
    turns.splice(0).forEach((run) => run());
    expect(started).toEqual(["stuck"]);
    await new Promise((done) => setTimeout(done, 60));
    turns.splice(0).forEach((run) => run());
    expect(started).toEqual(["stuck", "next"]);
    // The stuck one ends at last: the place it gave up is not freed a second time.
    stuck();
    expect(handOver.handedOver).toBe(1);
  });

  it("runs on the event loop: everything queued in one turn waits for the next", async () => {
    const handOver = new HandOver(8);
    const order: string[] = [];
    handOver.enter(() => order.push("handed over"));
    order.push("same turn");
    await new Promise((done) => setImmediate(done));
    expect(order).toEqual(["same turn", "handed over"]);
  });
});
