// Story: administrators' sessions are short. Before the second factor a session has 10 minutes;
// after it, 30 idle minutes and 8 hours in all, however busy; passing it gives the session a new
// id, and the old one ends. A student's session has no idle limit, and ends 12 hours after sign-in.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/data/db";
import {
  ADMIN_IDLE_MINUTES,
  ADMIN_MAX_HOURS,
  resumeSession,
  SECOND_FACTOR_MINUTES,
  STUDENT_MAX_HOURS,
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
    expect(await trustSession(await getDb(), id)).toBeNull();
    expect(await resumeSession(id, admin)).toBeNull();
  });

  it("gets a new id when the second factor is passed: whoever saw the old one has nothing", async () => {
    const { admin, id } = await adminSession();
    const renewed = await trustSession(await getDb(), id);
    expect(renewed).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(renewed).not.toBe(id);
    expect(await resumeSession(id, admin)).toBeNull();
    expect((await resumeSession(renewed!, admin))?.secondFactorAt).toBeInstanceOf(Date);
    // The renewal happens once: the old id cannot be passed again.
    expect(await trustSession(await getDb(), id)).toBeNull();
  });

  it("once trusted, stays trusted past those 10 minutes while in use", async () => {
    const { admin, id: first } = await adminSession();
    const id = (await trustSession(await getDb(), first))!;
    const live = await resumeSession(id, admin, minutesLater(SECOND_FACTOR_MINUTES + 5));
    expect(live?.secondFactorAt).toBeInstanceOf(Date);
  });

  it("ends 8 hours after sign-in, even when never idle", async () => {
    const { admin, id: first } = await adminSession();
    const id = (await trustSession(await getDb(), first))!;
    const everyTwentyMinutes = Array.from({ length: (ADMIN_MAX_HOURS * 60) / 20 }, (_, i) => (i + 1) * 20);
    for (const minutes of everyTwentyMinutes.slice(0, -1)) {
      expect(await resumeSession(id, admin, minutesLater(minutes)), `at ${minutes} minutes`).not.toBeNull();
    }
    expect(await resumeSession(id, admin, minutesLater(ADMIN_MAX_HOURS * 60 + 1))).toBeNull();
  });

  it("still ends after 30 idle minutes once trusted", async () => {
    const { admin, id: first } = await adminSession();
    const id = (await trustSession(await getDb(), first))!;
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

  it("ends 12 hours after sign-in, however busy", async () => {
    const student = { id: await userIdOf("lim_wei_jie"), role: "student" as const };
    const id = await startSession(student.id);
    for (let hours = 1; hours < STUDENT_MAX_HOURS; hours++) {
      expect(await resumeSession(id, student, minutesLater(hours * 60)), `at ${hours} hours`).not.toBeNull();
    }
    expect(await resumeSession(id, student, minutesLater(STUDENT_MAX_HOURS * 60 + 1))).toBeNull();
    // Ended for good: an earlier time does not bring it back.
    expect(await resumeSession(id, student)).toBeNull();
  });
});
