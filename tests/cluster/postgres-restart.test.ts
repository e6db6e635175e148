// Story: PostgreSQL restarts (fast mode: every connection is cut, open transactions roll back) in
// the middle of a run of sign-ins and resets on both instances. The instances recover by
// themselves, and every reset happened completely or not at all: the grant's use, the new hash,
// its history row, its audit row and the session version move together, and no page said "done"
// for a reset the database does not hold. Runs after every other cluster file (see the config).
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Database } from "@/db/client";
import { openClusterDb } from "./db";
import {
  ensurePostgresRunning,
  holdUserRows,
  lockWaiters,
  othersUsingPostgres,
  restartPostgres,
  waitForExclusiveUse,
  waitForPostgres,
} from "./postgres-ctl";
import { loggedSince, logMarks, verdicts } from "./restart-check";
import {
  armReset,
  completed,
  journey,
  parallelSignIns,
  startLoad,
  tally,
  type Call,
  type Journey,
} from "./restart-load";
import { createStudents, studentPool, type Student } from "./restart-students";

const { bases, databaseUrl } = inject("cluster");
/** The story restarts the PostgreSQL of this machine: only when the cluster's database is there. */
const local = /^(127\.0\.0\.1|localhost)(:5432)?$/.test(new URL(databaseUrl).host);
const WORKERS = 4;
const PER_WORKER = 15;
/** Resets stopped in the middle of their transaction (a row lock) when PostgreSQL goes down. */
const HELD = 4;
/** Resets armed at Change Password and posted one every PACE_MS from the restart command on. */
const PACED = 16;
const PACE_MS = 150;
const RECOVERY_MS = 30_000;
const LOAD_AFTER_READY_MS = 3000;
/** Parallel sign-ins per instance after the recovery: enough to use every pooled connection. */
const BURST = 30;
const WAIT_FOR_OTHERS_MS = 180_000;

let database: Database;
let take: () => Student;
let oldHash: string;
let load: ReturnType<typeof startLoad> | undefined;
let release = () => {};
/** Where the instances' logs ended before the restart. */
let marks: number[] = [];
const armed: Journey[] = [];
/** From the restart command to pg_isready answering again. */
const outage = { from: 0, to: 0 };
const recoveryLog: Call[] = [];
const recoveries: Awaited<ReturnType<typeof recover>>[] = [];
let recovering: Promise<typeof recoveries> = Promise.resolve([]);

beforeAll(async () => {
  if (!local) return console.log(`[restart] skipped: the cluster's PostgreSQL is not 127.0.0.1:5432`);
  database = await openClusterDb();
  const others = await waitForExclusiveUse(database.db, WAIT_FOR_OTHERS_MS);
  if (others.length > 0) throw new Error(`PostgreSQL stays in use, not restarting it: ${others.join("; ")}`);
  const created = await createStudents(database.db, "pg_restart_", 260);
  take = studentPool(created.students);
  oldHash = created.passwordHash;
}, WAIT_FOR_OTHERS_MS + 60_000);

afterAll(async () => {
  if (!local) return;
  load?.stop();
  release();
  await ensurePostgresRunning();
  await database?.close();
});

/** Parallel sign-ins using every pooled connection of each instance: none may meet a connection
 *  the restart left broken. postgres.js 3.4.9 left such slots (its write scheduler survived the
 *  socket: every later use of the slot timed out, or threw an uncaught TypeError); the driver is
 *  patched (patches/postgres+3.4.9.patch), and this is the test that shows it. */
async function burst() {
  const log = await parallelSignIns(bases, take, BURST);
  const slowest = Math.max(...log.map((call) => call.end - call.start));
  const kinds = tally(log, outage).after;
  console.log(
    `[restart] then ${BURST} parallel sign-ins on each instance: ${JSON.stringify(kinds)}, slowest ${slowest} ms`,
  );
  const crashes = loggedSince(bases, marks, "uncaughtException");
  const timeouts = loggedSince(bases, marks, "CONNECT_TIMEOUT 127");
  console.log(`[restart] the instances logged ${crashes} uncaught exceptions, ${timeouts} connect timeouts`);
  return { kinds, crashes, timeouts };
}

/** From the moment pg_isready answers, alongside the load: whole journeys on one instance, a fresh
 *  student each, until one signs in, resets and signs in with the new password. */
async function recover(base: string) {
  const tries: Journey[] = [];
  do {
    const tried = await journey(recoveryLog, take(), base, base);
    tries.push(tried);
    if (completed(tried)) return { base, afterMs: Date.now() - outage.to, tries };
    await sleep(500);
  } while (Date.now() < outage.to + RECOVERY_MS);
  return { base, afterMs: null, tries };
}

const count = (journeys: Journey[], what: (j: Journey) => boolean) => journeys.filter(what).length;
const other = (i: number) => bases[(i + 1) % bases.length]!;

describe.skipIf(!local)("PostgreSQL restarted in the middle of sign-ins and resets", () => {
  it("restarts PostgreSQL while both instances serve sign-ins and resets", async () => {
    const running = startLoad(bases, take, WORKERS, PER_WORKER);
    load = running;
    const started = Date.now();
    const ready = await Promise.all(
      Array.from({ length: HELD + PACED }, (_, i) => armReset(running.log, take(), bases[i % 2]!, other(i))),
    );
    armed.push(...ready.map((a) => a.journey));
    expect(ready.filter((a) => !a.post).map((a) => a.journey.student.loginId)).toEqual([]);
    const [held, paced] = [ready.slice(0, HELD), ready.slice(HELD)];
    const hold = holdUserRows(
      database.db,
      held.map((a) => a.journey.student.id),
    );
    release = hold.release;
    const holder = await hold.holder;
    if (typeof holder !== "number") throw new Error(`could not lock the rows: ${holder}`);
    const heldPosts = held.map((a) => a.post!());
    let blocked = 0;
    for (const until = Date.now() + 15_000; blocked < HELD && Date.now() < until; await sleep(50))
      blocked = await lockWaiters(database.db, holder);
    const others = await othersUsingPostgres(database.db);
    if (others.length > 0) {
      running.stop();
      hold.release();
      await Promise.all([running.finished, ...heldPosts]);
      throw new Error(`another run started using PostgreSQL, not restarting it: ${others.join("; ")}`);
    }

    marks = logMarks(bases);
    const command = Date.now();
    const pacedPosts = paced.map(async (a, i) => sleep(i * PACE_MS).then(() => a.post!()));
    const seen = await restartPostgres();
    const readyAt = await waitForPostgres(30_000);
    [outage.from, outage.to] = [command, seen.up ?? readyAt ?? Date.now()];
    recovering = Promise.all(bases.map(recover));
    const heldEnded = await hold.ended;
    await sleep(LOAD_AFTER_READY_MS);
    running.stop();
    await Promise.all([running.finished, ...heldPosts, ...pacedPosts]);

    const phases = tally(running.log, outage);
    const down = seen.down === null || seen.up === null ? "?" : seen.up - seen.down;
    console.log(
      `[restart] after ${command - started} ms of load: pg_ctlcluster restart -m fast took` +
        ` ${(readyAt ?? NaN) - command} ms, pg_isready failed for ${down} ms;` +
        ` ${HELD} resets held mid-transaction (${blocked} waiting), the holding transaction ${heldEnded};` +
        ` ${running.journeys.length} journeys of the loop, ${running.log.length} requests in all:\n` +
        Object.entries(phases)
          .map(([phase, kinds]) => `  ${phase} the restart: ${JSON.stringify(kinds)}`)
          .join("\n"),
    );
    expect(readyAt).not.toBeNull();
    expect(blocked).toBe(HELD);
    // A held reset may still say "done": when the restart ends the lock holder a moment before the
    // waiting backend, the waiter commits for real. Whether each "done" really happened is checked
    // below, against the database and a sign-in with each password.
    expect(Object.keys(phases.across!).length).toBeGreaterThan(0);
  });

  it("recovers on both instances without a restart: sign-in and a whole reset within 30 s", async () => {
    recoveries.push(...(await recovering));

    for (const { base, afterMs, tries } of recoveries) {
      const how = afterMs === null ? "NOT recovered" : `sign-in and a whole reset done ${afterMs} ms`;
      console.log(`[restart] ${base}: ${how} after pg_isready answered, ${tries.length} tries`);
    }
    console.log(`[restart] recovery requests: ${JSON.stringify(tally(recoveryLog, outage).after)}`);
    const after = await burst();
    expect(after.kinds).toEqual({ ["burst sign-in: 303 → /"]: BURST * bases.length });
    expect([after.crashes, after.timeouts]).toEqual([0, 0]);
    expect(recoveries.map((r) => ({ base: r.base, recovered: r.afterMs !== null }))).toEqual(
      bases.map((base) => ({ base, recovered: true })),
    );
  });

  it("made every reset all or nothing, and showed the done page only for resets that happened", async () => {
    const journeys = [...(load?.journeys ?? []), ...armed, ...recoveries.flatMap((r) => r.tries)];
    const results = await verdicts(database.db, journeys, oldHash, bases);

    const posted = journeys.flatMap((j, i) => (j.attempt ? [{ kind: j.attempt.kind, ...results[i]! }] : []));
    const kinds = (list: typeof posted) =>
      JSON.stringify(
        list.reduce<Record<string, number>>((n, p) => ({ ...n, [p.kind]: (n[p.kind] ?? 0) + 1 }), {}),
      );
    const [happened, missed] = [posted.filter((p) => p.happened), posted.filter((p) => !p.happened)];
    console.log(
      `[restart] ${journeys.length} students, ${posted.length} new passwords posted:` +
        ` ${happened.length} reset in the database ${kinds(happened)},` +
        ` ${missed.length} not ${kinds(missed)}; ${count(journeys, (j) => j.grant !== null)} grants earned`,
    );
    expect(results.flatMap((r) => r.violations)).toEqual([]);
    expect(happened.length).toBeGreaterThan(0);
    expect(missed.length).toBeGreaterThan(0);
  });
});
