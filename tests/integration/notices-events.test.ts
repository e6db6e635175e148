// Story: when a password changes, questions are set, or the reset path or the account locks, the
// family (and for an account lock, the school) hears of it by e-mail, over a real SMTP server.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { challengeStates, notices, users } from "@/db/schema";
import { checkAnswers } from "@/lib/data/challenge";
import { getDb } from "@/lib/data/db";
import { queuePasswordChangedNotices } from "@/lib/data/notices";
import { changeOwnPassword, writeNewPassword } from "@/lib/data/passwords";
import { resetPasswordWithGrant } from "@/lib/data/reset-grants";
import { saveSecurityAnswers } from "@/lib/data/security-questions";
import { smtpTransport } from "@/lib/mail/smtp-transport";
import type { MailTransport } from "@/lib/mail/transport";
import {
  CLEMENTI_ADMIN,
  SITI,
  WRONG,
  wrongPair,
  earnGrant,
  newPassword,
  resetByAdmin,
  signIn,
  signInWithSession,
  CLIENT,
  IP,
} from "./helpers";
import { startMailServer, type MailServer, type ReceivedMail } from "./mail-server";
import { CLEMENTI_CONTACT, IPHONE, WINDOWS, createFamily, deliverAll, noticesOf } from "./notice-steps";

let server: MailServer;
let transport: MailTransport;

beforeAll(async () => {
  server = await startMailServer();
  transport = smtpTransport(server.url, { connectMs: 5_000, socketMs: 5_000 });
});
afterAll(async () => {
  transport.close();
  await server.close();
});

const to = (address: string) => server.accepted.filter((mail) => mail.rcptTo.includes(address));

/** What must never be in a notice: a password, an answer, a grant, a link that resets anything. */
function expectNoSecret(mails: ReceivedMail[], secrets: string[]) {
  for (const mail of mails) {
    for (const secret of secrets) expect(mail.raw.toLowerCase()).not.toContain(secret.toLowerCase());
    expect(mail.raw).not.toMatch(/\$argon2|\/sspr|grant|token/i);
  }
}

describe("e-mail notices to the family and the school", () => {
  it("tells the student and the guardian when the password is reset with Forgot Password?", async () => {
    const family = await createFamily({ answers: SITI.answers });
    const grant = await earnGrant(family.loginId, SITI.answers);
    const chosen = "Quiet-Meadow-Rain-81";
    const client = { address: IP, userAgent: IPHONE };
    expect(await resetPasswordWithGrant(grant, newPassword(chosen), client)).toMatchObject({
      status: "reset",
    });

    await deliverAll(transport);
    const [toStudent, ...more] = to(family.student);
    const [toGuardian, ...moreGuardian] = to(family.guardian);
    expect([more, moreGuardian]).toEqual([[], []]);
    for (const mail of [toStudent!, toGuardian!]) {
      expect(mail.rcptTo).toHaveLength(1);
      expect(mail.subject).toBe("The password of Mei Ling Goh's school account was changed");
      expect(mail.text).toContain("with Forgot Password?");
      expect(mail.text).toContain("Device: a phone");
      expect(mail.text).toContain(`Internet address: ${IP}`);
      expect(mail.text).toContain(`Contact the school at once: ${CLEMENTI_CONTACT}`);
    }
    expect(toStudent!.messageId).not.toBe(toGuardian!.messageId);
    expectNoSecret(
      [toStudent!, toGuardian!],
      [chosen, family.password, grant, ...Object.values(SITI.answers)],
    );
    expect((await noticesOf(family.userId)).map((n) => [n.kind, n.recipientRole, n.status])).toEqual([
      ["password_changed", "student", "sent"],
      ["password_changed", "guardian", "sent"],
    ]);
  });

  it("tells the family when the password is changed while signed in, from a computer", async () => {
    const family = await createFamily();
    const user = await signIn(family);
    const chosen = "Bright-Harbour-Kite-27";
    const result = await changeOwnPassword(
      user,
      { currentPassword: family.password, ...newPassword(chosen) },
      { address: IP, userAgent: WINDOWS },
    );
    expect(result).toEqual({ status: "changed" });

    await deliverAll(transport);
    expect(to(family.student)).toHaveLength(1);
    expect(to(family.guardian)).toHaveLength(1);
    const mail = to(family.guardian)[0]!;
    expect(mail.text).toContain("by someone who signed in with the old password");
    expect(mail.text).toContain("Device: a computer");
    expectNoSecret(to(family.student).concat(mail), [chosen, family.password]);
  });

  it("tells the student and the guardian when security questions are set up, then replaced", async () => {
    const family = await createFamily();
    const user = await signInWithSession(family);
    const input = { questionIds: [2, 3, 4], answers: ["turquoise", "swimming", "laksa noodles"] };
    expect(await saveSecurityAnswers(user, input, CLIENT)).toEqual({ status: "saved" });
    const replaced = { questionIds: [2, 3, 4], answers: ["maroon", "chess club", "nasi lemak"] };
    const again = await saveSecurityAnswers(user, { ...replaced, currentPassword: family.password }, CLIENT);
    expect(again).toEqual({ status: "saved" });

    await deliverAll(transport);
    for (const address of [family.student, family.guardian]) {
      // Sent side by side: the order of arrival is not the order of writing (the Date header is).
      expect(
        to(address)
          .map((mail) => mail.subject)
          .sort(),
      ).toEqual([
        "Security questions changed for Mei Ling Goh's school account",
        "Security questions set up for Mei Ling Goh's school account",
      ]);
      // No user agent given: the device is not guessed.
      for (const mail of to(address)) expect(mail.text).toContain("Device: an unknown device");
    }
    expectNoSecret(to(family.student).concat(to(family.guardian)), [
      ...input.answers,
      ...replaced.answers,
      family.password,
    ]);
  });

  it("tells only the guardian when Forgot Password? locks for a while", async () => {
    const family = await createFamily({ answers: SITI.answers });
    const client = { address: IP, userAgent: IPHONE };
    for (let i = 0; i < 3; i++) await checkAnswers(family.loginId, wrongPair(), client);

    await deliverAll(transport);
    expect(to(family.student)).toEqual([]);
    const [mail, ...more] = to(family.guardian);
    expect(more).toEqual([]);
    expect(mail!.subject).toBe("Forgot Password? is locked for Mei Ling Goh's school account");
    expect(mail!.text).toMatch(/is locked for this account until \d{1,2} \w+ \d{4}/);
    expect(mail!.text).toContain("Device: a phone");
    expectNoSecret([mail!], [...WRONG, ...Object.values(SITI.answers)]);
  });

  it("tells the guardian and the school, with name, class and the link to unlock, when the account locks", async () => {
    const family = await createFamily({ answers: SITI.answers });
    const db = await getDb();
    // Two temporary locks are behind this account; the third locks it.
    await db
      .insert(challengeStates)
      .values({ gateKey: `u:${family.userId}`, userId: family.userId, lockCount: 2 });
    for (let i = 0; i < 3; i++) await checkAnswers(family.loginId, wrongPair(), CLIENT);

    await deliverAll(transport);
    expect(to(family.student)).toEqual([]);
    expect(to(family.guardian).map((mail) => mail.subject)).toEqual([
      "Mei Ling Goh's school account is locked",
    ]);
    expect(to(family.guardian)[0]!.text).toContain(`e-mail the school: ${CLEMENTI_CONTACT}`);
    const school = to(CLEMENTI_CONTACT).filter((mail) => mail.subject.includes("Mei Ling Goh"));
    expect(school.map((mail) => mail.subject)).toEqual(["Locked account: Mei Ling Goh (P6 Harmony)"]);
    expect(school[0]!.text).toContain("The account of Mei Ling Goh, class P6 Harmony, was locked");
    expect(school[0]!.text).toContain(
      `unlock the account here: http://localhost:3000/admin/students/${family.userId}\n`,
    );
    expectNoSecret([...to(family.guardian), ...school], [...WRONG, family.loginId]);
  });

  it("tells no one when a Login ID that does not exist locks", async () => {
    const db = await getDb();
    const before = await db.$count(notices);
    for (let i = 0; i < 3; i++) await checkAnswers("nobody_at_this_school", wrongPair(), CLIENT);
    expect(await db.$count(notices)).toBe(before);
  });

  it("tells the family when the school resets the password, never the temporary password", async () => {
    const family = await createFamily();
    const admin = await signIn(CLEMENTI_ADMIN);
    const reset = await resetByAdmin(admin, family.userId, { address: IP, userAgent: WINDOWS });
    await deliverAll(transport);
    for (const address of [family.student, family.guardian]) {
      const [mail, ...more] = to(address);
      expect(more).toEqual([]);
      expect(mail!.text).toContain("changed by the school's administrator");
      expect(mail!.text).toContain(`If you did not ask the school for a new password`);
      expect(mail!.text).toContain("Device: a computer");
      expectNoSecret([mail!], [reset.temporaryPassword, family.password]);
    }
  });

  it("sends nothing when the change's transaction rolls back", async () => {
    const family = await createFamily();
    const db = await getDb();
    const [before] = await db
      .select({ hash: users.passwordHash })
      .from(users)
      .where(eq(users.id, family.userId));
    await expect(
      db.transaction(async (tx) => {
        await writeNewPassword(tx, family.userId, "not-a-real-hash");
        await queuePasswordChangedNotices(tx, { userId: family.userId, how: "signed_in", client: CLIENT });
        throw new Error("the database went away");
      }),
    ).rejects.toThrow("the database went away");

    await deliverAll(transport);
    expect(await noticesOf(family.userId)).toEqual([]);
    expect([...to(family.student), ...to(family.guardian)]).toEqual([]);
    const [after] = await db
      .select({ hash: users.passwordHash })
      .from(users)
      .where(eq(users.id, family.userId));
    expect(after).toEqual(before);
  });

  it("never sends to a stored address that could add a second recipient; the school sees it failed", async () => {
    const family = await createFamily();
    const db = await getDb();
    const hostile = "goh.parent@parents.example, thief@elsewhere.example";
    await db.update(users).set({ guardianEmail: hostile }).where(eq(users.id, family.userId));
    await db.transaction((tx) =>
      queuePasswordChangedNotices(tx, { userId: family.userId, how: "signed_in", client: CLIENT }),
    );
    await deliverAll(transport);
    expect(server.accepted.filter((mail) => mail.raw.includes("thief@elsewhere.example"))).toEqual([]);
    expect((await noticesOf(family.userId)).map((n) => [n.recipientRole, n.status, n.lastError])).toEqual([
      ["student", "sent", null],
      ["guardian", "failed", "invalid_address"],
    ]);
  });
});
