// Story: the school's dashboard counts its own students only: security questions set up, class by
// class, and resets, locks and unlocks per school day (Singapore) over the last 30 days.
import { describe, expect, it } from "vitest";
import { unlockAccount } from "@/lib/data/student-accounts";
import { activityLast30Days, questionCoverageByClass } from "@/lib/data/dashboard";
import { ForbiddenError } from "@/lib/data/errors";
import {
  ALEX,
  answerWrongly,
  CLEMENTI_ADMIN,
  JURONG_ADMIN,
  LIM,
  lockAccountOutright,
  signIn,
  SITI,
  userIdOf,
  resetByAdmin,
  CLIENT,
} from "./helpers";

const singaporeDay = (date: Date) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Singapore" }).format(date);

describe("the dashboard", () => {
  it("shows question set-up by class, for the administrator's school", async () => {
    expect(await questionCoverageByClass(await signIn(CLEMENTI_ADMIN))).toEqual([
      { className: "P1 Kindness", students: 1, setUp: 0 },
      { className: "P2 Harmony", students: 1, setUp: 0 },
      { className: "P3 Diligence", students: 1, setUp: 0 },
      { className: "P4 Courage", students: 1, setUp: 0 },
      { className: "P5 Integrity", students: 1, setUp: 1 },
    ]);
    expect(await questionCoverageByClass(await signIn(JURONG_ADMIN))).toEqual([
      { className: "P3 Respect", students: 2, setUp: 0 },
    ]);
  });

  it("counts resets, locks and unlocks per school day, 30 days with zeros", async () => {
    const admin = await signIn(CLEMENTI_ADMIN);
    for (let i = 0; i < 3; i++) await answerWrongly(SITI.loginId); // the reset path locks
    await unlockAccount(admin, await userIdOf(SITI.loginId), CLIENT);
    await resetByAdmin(admin, await userIdOf(ALEX.loginId));
    await lockAccountOutright(await userIdOf(LIM.loginId)); // another school: not counted

    const days = await activityLast30Days(admin);
    expect(days).toHaveLength(30);
    expect(days.at(-1)).toEqual({ day: singaporeDay(new Date()), resets: 1, locks: 1, unlocks: 1 });
    expect(days.slice(0, -1).every((d) => d.resets + d.locks + d.unlocks === 0)).toBe(true);
    expect(new Set(days.map((d) => d.day)).size).toBe(30);
    // Thirty days on, today's events have left the window.
    const later = await activityLast30Days(admin, new Date(Date.now() + 30 * 86_400_000));
    expect(later.every((d) => d.resets + d.locks + d.unlocks === 0)).toBe(true);
  });

  it("gives nothing to a student", async () => {
    const student = await signIn(LIM);
    await expect(questionCoverageByClass(student)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(activityLast30Days(student)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
