// Story: administrators' sessions are short. Before the second factor a session has 10 minutes;
// after it, 30 idle minutes and 8 hours in all, however busy. A student's session has neither limit.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/data/db";
import {
  ADMIN_IDLE_MINUTES,
  ADMIN_MAX_HOURS,
  resumeSession,
  SECOND_FACTOR_MINUTES,
  startSession,
  trustSession,
} from "@/lib/data/sessions";
import { userIdOf } from "./helpers";

const minutesLater = (minutes: number) => new Date(Date.now() + minutes * 60_000);

async function adminSession() {
  const admin = { id: await userIdOf("jurongwest_admin"), role: "admin" as const };
  return { admin, id: await startSession(admin.id) };
}

describe("an administrator's session", () => {
  it("has 10 minutes to pass the second factor", async () => {
    const { admin, id } = await adminSession();
    expect(await resumeSession(id, admin, minutesLater(SECOND_FACTOR_MINUTES - 1))).toMatchObject({
      secondFactorAt: null,
    });
    expect(await resumeSession(id, admin, minutesLater(SECOND_FACTOR_MINUTES + 1))).toBeNull();
    // Ended for good: passing now changes nothing.
    expect(await trustSession(await getDb(), id)).toBe(false);
    expect(await resumeSession(id, admin)).toBeNull();
  });

  it("once trusted, stays trusted past those 10 minutes while in use", async () => {
    const { admin, id } = await adminSession();
    expect(await trustSession(await getDb(), id)).toBe(true);
    const live = await resumeSession(id, admin, minutesLater(SECOND_FACTOR_MINUTES + 5));
    expect(live?.secondFactorAt).toBeInstanceOf(Date);
  });

  it("ends 8 hours after sign-in, even when never idle", async () => {
    const { admin, id } = await adminSession();
    await trustSession(await getDb(), id);
    const everyTwentyMinutes = Array.from({ length: (ADMIN_MAX_HOURS * 60) / 20 }, (_, i) => (i + 1) * 20);
    for (const minutes of everyTwentyMinutes.slice(0, -1)) {
      expect(await resumeSession(id, admin, minutesLater(minutes)), `at ${minutes} minutes`).not.toBeNull();
    }
    expect(await resumeSession(id, admin, minutesLater(ADMIN_MAX_HOURS * 60 + 1))).toBeNull();
  });

  it("still ends after 30 idle minutes once trusted", async () => {
    const { admin, id } = await adminSession();
    await trustSession(await getDb(), id);
    expect(await resumeSession(id, admin, minutesLater(ADMIN_IDLE_MINUTES + 1))).toBeNull();
  });
});

describe("a student's session", () => {
  it("needs no second factor and has no 8-hour limit", async () => {
    const student = { id: await userIdOf("lim_wei_jie"), role: "student" as const };
    const id = await startSession(student.id);
    expect(await resumeSession(id, student, minutesLater(SECOND_FACTOR_MINUTES + 1))).toMatchObject({
      secondFactorAt: null,
    });
    expect(await resumeSession(id, student, minutesLater(ADMIN_MAX_HOURS * 60 + 30))).not.toBeNull();
  });
});
