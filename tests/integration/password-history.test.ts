// Story: a student's last 5 passwords cannot come back, whether changed while signed in or reset
// with the security questions; the 6th-oldest can. History keeps no more than it needs.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { passwordHistory } from "@/db/schema";
import { getDb } from "@/lib/data/db";
import { changeOwnPassword } from "@/lib/data/passwords";
import { resetPasswordWithGrant } from "@/lib/data/reset-grants";
import { createStudent, earnGrant, newPassword, signIn, type Answers, CLIENT } from "./helpers";

const FIRST_PASSWORD = "Starting-Point-11";
const FIVE_MORE = ["Amber-Falcon-31", "Birch-Canoe-32", "Cobalt-Drum-33", "Dune-Ember-34", "Elm-Fjord-35"];
const LATEST = FIVE_MORE.at(-1)!;
const ANSWERS: Answers = { 1: "Komodo Dragon", 5: "Spider Heroine", 8: "Secret Garden" };
const REUSED = { status: "policy", failure: { rule: "reused", ok: false } };

async function historyCount(userId: number): Promise<number> {
  const db = await getDb();
  const rows = await db.select().from(passwordHistory).where(eq(passwordHistory.userId, userId));
  return rows.length;
}

async function changeSignedIn(loginId: string, from: string, to: string) {
  const session = await signIn({ loginId, password: from });
  return changeOwnPassword(session, { currentPassword: from, ...newPassword(to) }, CLIENT);
}

async function resetWithQuestions(loginId: string, to: string) {
  return resetPasswordWithGrant(await earnGrant(loginId, ANSWERS), newPassword(to), CLIENT);
}

describe("the last 5 passwords", () => {
  it("are refused on a signed-in change, and the 6th-oldest is accepted", async () => {
    const userId = await createStudent("hana_ong", { fullName: "Hana Ong", password: FIRST_PASSWORD });
    let current = FIRST_PASSWORD;
    for (const next of FIVE_MORE) {
      expect(await changeSignedIn("hana_ong", current, next)).toEqual({ status: "changed" });
      current = next;
    }

    // The current password is the newest of the last 5.
    for (const old of FIVE_MORE) {
      expect(await changeSignedIn("hana_ong", LATEST, old), old).toEqual(REUSED);
    }
    expect(await changeSignedIn("hana_ong", LATEST, FIRST_PASSWORD)).toEqual({ status: "changed" });
    expect(await historyCount(userId)).toBe(5);
  });

  it("are refused on a reset with the security questions too", async () => {
    await createStudent("ravi_das", { fullName: "Ravi Das", password: FIRST_PASSWORD, answers: ANSWERS });
    for (const next of FIVE_MORE) {
      expect(await resetWithQuestions("ravi_das", next)).toMatchObject({ status: "reset" });
    }

    // A refused password leaves the grant unused: the same grant tries every old one.
    const grant = await earnGrant("ravi_das", ANSWERS);
    for (const old of FIVE_MORE) {
      expect(await resetPasswordWithGrant(grant, newPassword(old), CLIENT), old).toEqual(REUSED);
    }
    expect(await resetPasswordWithGrant(grant, newPassword(FIRST_PASSWORD), CLIENT)).toMatchObject({
      status: "reset",
    });
    await signIn({ loginId: "ravi_das", password: FIRST_PASSWORD });
  });

  it("include a first password from the school, which is not in history yet", async () => {
    const userId = await createStudent("mei_lin_goh", { fullName: "Mei Lin Goh", password: FIRST_PASSWORD });
    expect(await historyCount(userId)).toBe(0);
    expect(await changeSignedIn("mei_lin_goh", FIRST_PASSWORD, FIRST_PASSWORD)).toEqual(REUSED);
  });

  it("keep only the last 5 hashes in history, however many changes are made", async () => {
    const userId = await createStudent("farid_yusof", { fullName: "Farid Yusof", password: FIRST_PASSWORD });
    const seven = [...FIVE_MORE, "Fern-Galaxy-36", "Grove-Harbor-37"];
    let current = FIRST_PASSWORD;
    for (const next of seven) {
      expect(await changeSignedIn("farid_yusof", current, next)).toEqual({ status: "changed" });
      current = next;
    }
    expect(await historyCount(userId)).toBe(5);
    // Out of the last 5, so allowed again.
    expect(await changeSignedIn("farid_yusof", current, FIVE_MORE[1]!)).toEqual({ status: "changed" });
  });
});

describe("the server's rules after the school's policy", () => {
  it("reports the name rule first, then common passwords, then context words", async () => {
    await createStudent("june_tan", { fullName: "June Tan", password: FIRST_PASSWORD });
    const tryPassword = (password: string) => changeSignedIn("june_tan", FIRST_PASSWORD, password);
    const refusedFor = (failure: object) => ({ status: "policy", failure });

    // "tan" is part of her name: the school's rule is reported before the server's own.
    expect(await tryPassword("Tangerine-Sky-99")).toEqual(
      refusedFor({ rule: "noName", ok: false, namePart: "tan" }),
    );
    expect(await tryPassword("Qwerty123456")).toEqual(refusedFor({ rule: "common", ok: false }));
    expect(await tryPassword("Clementi-Stars-2026")).toEqual(
      refusedFor({ rule: "contextWord", ok: false, word: "clementi" }),
    );
    expect(await tryPassword("Purple-Mountain-77")).toEqual({ status: "changed" });
  });
});
