// Story: the outbox worker runs in every app instance. Killed between claiming a message and
// sending it, the message still arrives after the claim's lease; two workers on one database
// never send a message twice. Real processes (scripts/outbox-worker.ts) on a real PostgreSQL.
import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, openPostgres, type Database } from "@/db/client";
import { notices, schools } from "@/db/schema";
import { seedDemoData } from "@/db/seed";
import { startMailServer } from "./mail-server";

const ADMIN_URL = process.env.TEST_POSTGRES_URL!;
const NAME = `sspr_outbox_${randomBytes(6).toString("hex")}`;
let database: Database;
let databaseUrl: string;

beforeAll(async () => {
  const admin = await openPostgres(ADMIN_URL, { max: 1 });
  await admin.db.execute(sql.raw(`CREATE DATABASE ${NAME}`));
  await admin.close();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${NAME}`;
  databaseUrl = url.toString();
  database = await openPostgres(databaseUrl, { max: 2 });
  await migrateDatabase(database);
  await seedDemoData(database.db);
});

afterAll(async () => {
  await database?.close();
  const admin = await openPostgres(ADMIN_URL, { max: 1 });
  await admin.db.execute(sql.raw(`DROP DATABASE IF EXISTS ${NAME} WITH (FORCE)`));
  await admin.close();
});

type WorkerEvent = { event: string; sent?: number };

/** scripts/outbox-worker.ts in its own Node process, its JSON lines collected. */
function startWorker(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/outbox-worker.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, OUTBOX_POLL_MS: "20", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const events: WorkerEvent[] = [];
  const waiters: (() => void)[] = [];
  createInterface({ input: child.stdout }).on("line", (line) => {
    events.push(JSON.parse(line) as WorkerEvent);
    for (const wake of waiters.splice(0)) wake();
  });
  const exited = once(child, "exit");
  return {
    child,
    events,
    exited,
    async until(predicate: () => boolean) {
      while (!predicate()) await new Promise<void>((wake) => waiters.push(wake));
    },
    sent: () => events.reduce((sum, event) => sum + (event.event === "pass" ? (event.sent ?? 0) : 0), 0),
  };
}

async function queueNotices(count: number) {
  const [school] = await database.db.select({ id: schools.id }).from(schools).limit(1);
  const rows = Array.from({ length: count }, (_, i) => ({
    schoolId: school!.id,
    kind: "password_changed" as const,
    recipientRole: "guardian" as const,
    toAddress: `family${i}@parents.example`,
    subject: "The password of a school account was changed",
    body: "Hello,\n\nA test notice.\n",
    messageId: `<${randomUUID()}@sspr.example>`,
  }));
  return database.db.insert(notices).values(rows).returning();
}

async function untilAllSent(ids: number[]) {
  for (;;) {
    const rows = await database.db.select({ id: notices.id, status: notices.status }).from(notices);
    if (ids.every((id) => rows.find((row) => row.id === id)?.status === "sent")) return;
    await new Promise((wake) => setTimeout(wake, 50));
  }
}

describe("outbox workers in separate processes", () => {
  it("still delivers a message whose worker was killed between claiming and sending it", async () => {
    // The first delivery stalls: the server reads the message and never answers.
    const server = await startMailServer({ onMessage: (_mail, nth) => (nth === 1 ? "stall" : "accept") });
    const [row] = await queueNotices(1);
    const env = { SMTP_URL: server.url, OUTBOX_LEASE_MS: "3000", OUTBOX_SEND_TIMEOUT_MS: "60000" };

    const first = startWorker(env);
    await server.until(() => server.seen.length === 1);
    first.child.kill("SIGKILL");
    await first.exited;
    const [claimed] = await database.db.select().from(notices).where(eq(notices.id, row!.id));
    expect(claimed).toMatchObject({ status: "sending", attempts: 1 });
    expect(server.accepted).toEqual([]);

    // A restarted worker takes the message over once the lease has run out.
    const second = startWorker(env);
    await server.until(() => server.accepted.length === 1);
    await untilAllSent([row!.id]);
    second.child.kill("SIGTERM");
    const [code] = (await second.exited) as [number | null];
    expect(code).toBe(0);

    const [sent] = await database.db.select().from(notices).where(eq(notices.id, row!.id));
    expect(sent).toMatchObject({ status: "sent", attempts: 2 });
    expect(server.accepted.map((mail) => mail.messageId)).toEqual([row!.messageId]);
    // Both tries carried the same Message-ID: a receiver can drop a duplicate.
    expect(server.seen.map((mail) => mail.messageId)).toEqual([row!.messageId, row!.messageId]);
    await server.close();
  });

  it("never sends a message twice when two workers share the database", async () => {
    const server = await startMailServer({ delayMs: 20 });
    const env = { SMTP_URL: server.url, OUTBOX_BATCH_SIZE: "2" };
    const workers = [startWorker(env), startWorker(env)];
    for (const worker of workers) await worker.until(() => worker.events.some((e) => e.event === "ready"));

    const rows = await queueNotices(30);
    await server.until(() => server.accepted.length >= rows.length);
    await untilAllSent(rows.map((row) => row.id));
    for (const worker of workers) {
      worker.child.kill("SIGTERM");
      await worker.exited;
    }

    const delivered = server.accepted.map((mail) => mail.messageId).sort();
    expect(delivered).toEqual(rows.map((row) => row.messageId).sort());
    // Both took part, and between them sent each message once.
    const [a, b] = workers.map((worker) => worker.sent());
    expect(a! + b!).toBe(rows.length);
    expect(Math.min(a!, b!)).toBeGreaterThan(0);
    await server.close();
  });
});
