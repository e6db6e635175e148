// The local PostgreSQL server as the restart story handles it: is it up, restart it (fast mode:
// every connection is cut), start it again whatever happened, and, first, make sure that nobody
// else's run is using it: a restart would break their tests too.
import { execFile, spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import { inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";

const run = promisify(execFile);
const HOST = ["-h", "127.0.0.1", "-p", "5432"];

/** The cluster's version: the folder in /etc/postgresql (Debian's layout), `main` its name. */
export const pgVersion = () => readdirSync("/etc/postgresql").sort()[0]!;

const ctl = (action: string, mode: string[] = []) =>
  run("pg_ctlcluster", ["--skip-systemctl-redirect", ...mode, pgVersion(), "main", action], {
    timeout: 60_000,
  });

export const pgIsReady = () => spawnSync("pg_isready", ["-q", ...HOST]).status === 0;

/** Polls pg_isready; the moment it answered, or null. */
export async function waitForPostgres(timeoutMs: number): Promise<number | null> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (pgIsReady()) return Date.now();
    await sleep(100);
  }
  return null;
}

const probe = () =>
  run("pg_isready", ["-q", ...HOST], { timeout: 5000 }).then(
    () => true,
    () => false,
  );

/** Restarts PostgreSQL with `-m fast` (open transactions roll back, every client is cut), and
 *  watches pg_isready meanwhile: when it stopped answering, and when it answered again. */
export async function restartPostgres(): Promise<{ down: number | null; up: number | null }> {
  const seen = { down: null as number | null, up: null as number | null };
  let restarting = true;
  const watch = async () => {
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; await sleep(50)) {
      const finished = !restarting;
      const ready = await probe();
      if (!ready) seen.down ??= Date.now();
      else if (seen.down !== null || finished) return void (seen.up = Date.now());
    }
  };
  const watching = watch();
  try {
    await ctl("restart", ["-m", "fast"]);
  } finally {
    restarting = false;
    await watching;
  }
  return seen;
}

/** Locks the rows of `userIds` (FOR UPDATE) in a transaction of the test's own, until `release`
 *  or until the connection is cut: a reset of one of them waits in the middle of its transaction. */
export function holdUserRows(db: Db, userIds: number[]) {
  let release = () => {};
  const released = new Promise<void>((done) => (release = done));
  let locked: (pid: number) => void = () => {};
  const isLocked = new Promise<number>((done) => (locked = done));
  const ended = db
    .transaction(async (tx) => {
      await tx.select({ id: users.id }).from(users).where(inArray(users.id, userIds)).for("update");
      const result: unknown = await tx.execute(sql`SELECT pg_backend_pid() AS pid`);
      locked((result as { pid: number }[])[0]!.pid);
      await released;
    })
    .then(
      () => "released",
      (error: unknown) => `cut: ${error instanceof Error ? error.message : String(error)}`,
    );
  /** The holder's backend pid once the rows are locked; why not, otherwise. */
  const holder = Promise.race([isLocked, ended]);
  return { holder, release, ended };
}

/** Backends waiting for a lock that the backend `holder` holds. */
export async function lockWaiters(db: Db, holder: number): Promise<number> {
  const result: unknown = await db.execute(sql`
    SELECT count(*)::int AS n FROM pg_stat_activity WHERE ${holder} = ANY(pg_blocking_pids(pid))`);
  return (result as { n: number }[])[0]!.n;
}

/** Stops PostgreSQL (fast mode: every connection is cut) and starts it again: the readiness story
 *  (tests/deploy/readiness.test.ts). */
export const stopPostgres = () => ctl("stop", ["-m", "fast"]);
export const startPostgres = () => ctl("start");

/** For afterAll: whatever happened, PostgreSQL runs again. */
export async function ensurePostgresRunning(): Promise<void> {
  if (pgIsReady()) return;
  console.log("[restart] PostgreSQL is not answering: restarting it");
  await ctl("restart").catch((error: unknown) => console.log(`[restart] pg_ctlcluster: ${String(error)}`));
  if ((await waitForPostgres(30_000)) === null) throw new Error("PostgreSQL did not come back");
}

type Proc = { pid: number; ppid: number; cmd: string };

function processTable(): Proc[] {
  const table: Proc[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmd = readFileSync(`/proc/${name}/cmdline`, "utf8").split("\0").join(" ").trim();
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      table.push({ pid: Number(name), ppid, cmd });
    } catch {
      // gone meanwhile
    }
  }
  return table;
}

/** What `pgrep -fa "vitest|next start|next-server"` looks for. */
const USES_POSTGRES = /vitest|next start|next-server/;

/** Processes of another run: matching ones that are neither above this worker nor below the
 *  outermost vitest process above it (npx vitest, vitest, its workers, the instances it started). */
export function foreignProcesses(): string[] {
  const table = processTable();
  const byPid = new Map(table.map((p) => [p.pid, p]));
  const mine = new Set<number>();
  let root = process.pid;
  for (let p = byPid.get(process.pid); p; p = byPid.get(p.ppid)) {
    mine.add(p.pid);
    if (USES_POSTGRES.test(p.cmd)) root = p.pid;
  }
  const below = [root];
  for (let pid = below.pop(); pid !== undefined; pid = below.pop()) {
    mine.add(pid);
    below.push(...table.filter((p) => p.ppid === pid).map((p) => p.pid));
  }
  return table
    .filter((p) => USES_POSTGRES.test(p.cmd) && !mine.has(p.pid))
    .map((p) => `process ${p.pid}: ${p.cmd.slice(0, 100)}`);
}

/** Clients of PostgreSQL outside this run's database (the instances and the tests use only it). */
async function foreignClients(db: Db): Promise<string[]> {
  type Row = { pid: number; datname: string | null; application_name: string };
  // postgres-js answers a list of rows.
  const result: unknown = await db.execute(sql`
    SELECT pid, datname, application_name FROM pg_stat_activity
    WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()
      AND datname IS DISTINCT FROM current_database()`);
  return (result as Row[]).map((r) => `connection ${r.pid} to ${r.datname} (${r.application_name || "?"})`);
}

export async function othersUsingPostgres(db: Db): Promise<string[]> {
  return [...foreignProcesses(), ...(await foreignClients(db))];
}

/** Waits until nobody else uses PostgreSQL; what still does after `timeoutMs` otherwise. */
export async function waitForExclusiveUse(db: Db, timeoutMs: number): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  let others = await othersUsingPostgres(db);
  for (let poll = 0; others.length > 0 && Date.now() < deadline; poll++) {
    if (poll % 6 === 0) console.log(`[restart] waiting: PostgreSQL is in use by ${others.join("; ")}`);
    await sleep(5000);
    others = await othersUsingPostgres(db);
  }
  return others;
}
