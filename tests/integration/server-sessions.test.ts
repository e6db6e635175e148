import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sessions } from "@/db/schema";
import { getDb } from "@/lib/data/db";
import {
  ADMIN_IDLE_MINUTES,
  continueSession,
  endSession,
  startSession,
  trustSession,
} from "@/lib/data/sessions";
import { ALEX, signIn, userIdOf } from "./helpers";

/** The database's reason for refusing a statement (Drizzle wraps it as the cause). */
async function refusal(statement: Promise<unknown>): Promise<string> {
  try {
    await statement;
    return "accepted";
  } catch (error) {
    return String((error as { cause?: unknown }).cause ?? error);
  }
}

const minutesLater = (minutes: number) => new Date(Date.now() + minutes * 60_000);

describe("server-side sessions", () => {
  it("ends an administrator's session after 30 idle minutes", async () => {
    const admin = { id: await userIdOf("clementi_admin"), role: "admin" as const };
    // Past the second factor (under its new id): an administrator's session not yet past it has
    // only 10 minutes.
    const id = (await trustSession(await getDb(), await startSession(admin.id)))!;
    expect(await continueSession(id, admin, minutesLater(ADMIN_IDLE_MINUTES - 1))).toBe(true);
    // Being active keeps it alive: idle time counts from the last request.
    expect(await continueSession(id, admin, minutesLater(2 * ADMIN_IDLE_MINUTES - 2))).toBe(true);
    expect(await continueSession(id, admin, minutesLater(3 * ADMIN_IDLE_MINUTES))).toBe(false);
    // Once ended, it stays ended.
    expect(await continueSession(id, admin, minutesLater(3 * ADMIN_IDLE_MINUTES))).toBe(false);
  });

  it("keeps a student's session through a long lesson", async () => {
    const student = { id: await userIdOf("alex_tan"), role: "student" as const };
    const id = await startSession(student.id);
    expect(await continueSession(id, student, minutesLater(90))).toBe(true);
  });

  it("ends a session on sign-out, and never lets one person use another's", async () => {
    const alex = { id: await userIdOf("alex_tan"), role: "student" as const };
    const siti = { id: await userIdOf("siti_rahman"), role: "student" as const };
    const id = await startSession(alex.id);
    expect(await continueSession(id, siti)).toBe(false);
    await endSession(id);
    expect(await continueSession(id, alex)).toBe(false);
  });

  it("clears sessions nobody used for a day at a sign-in, at most every ten minutes, not at every one", async () => {
    const alex = { id: await userIdOf("alex_tan"), role: "student" as const };
    const db = await getDb();
    const stale = async () => {
      const id = await startSession(alex.id, minutesLater(-60));
      const idHash = createHash("sha256").update(id).digest("hex");
      await db
        .update(sessions)
        .set({ lastSeenAt: minutesLater(-25 * 60) })
        .where(eq(sessions.idHash, idHash));
      return id;
    };
    const old = await stale();
    // A sign-in (well after any other in this file): the day-old session is gone.
    await startSession(alex.id, minutesLater(24 * 60));
    expect(await continueSession(old, alex)).toBe(false);
    // Another day-old session, and a sign-in five minutes after the clearing: it is not looked at.
    const other = await stale();
    await startSession(alex.id, minutesLater(24 * 60 + 5));
    expect(
      await db
        .select()
        .from(sessions)
        .where(sql`${sessions.lastSeenAt} < now() - interval '1 day'`),
    ).toHaveLength(1);
    // Ten minutes after the clearing, the next sign-in clears it.
    await startSession(alex.id, minutesLater(24 * 60 + 11));
    expect(await continueSession(other, alex)).toBe(false);
  });

  it("keeps only a hash of the session id", async () => {
    const id = await startSession(await userIdOf("alex_tan"));
    const db = await getDb();
    const rows = await db.select().from(sessions);
    expect(JSON.stringify(rows)).not.toContain(id);
    expect(await db.select().from(sessions).where(eq(sessions.idHash, id))).toHaveLength(0);
  });
});

describe("the audit log", () => {
  it("cannot be changed or deleted by the application", async () => {
    await signIn(ALEX);
    const db = await getDb();
    const before = await db.execute(sql`select count(*)::int as n from audit_events`);
    expect(JSON.stringify(before)).toMatch(/"n":[1-9]/);
    expect(await refusal(db.execute(sql`update audit_events set action = 'forged'`))).toMatch(/append-only/);
    expect(await refusal(db.execute(sql`delete from audit_events`))).toMatch(/append-only/);
    expect(await refusal(db.execute(sql`truncate audit_events`))).toMatch(/append-only/);
    const after = await db.execute(sql`select count(*)::int as n from audit_events`);
    expect(JSON.stringify(after)).toEqual(JSON.stringify(before));
  });
});
