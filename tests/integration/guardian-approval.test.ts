// Story: where the school turns it on, a child who cannot answer the security questions asks for
// the guardian's approval: a short code goes to the guardian's e-mail on file, through a real SMTP
// server, and to no one else; the child (or the guardian beside them) types it for a new password.
// It works once, for 30 minutes; one code per student every 15 minutes and three a day; every
// Login ID gets the same answer after the same work, and only the sent code is mailed; the answers'
// lock holds on this path too; the school's actions end a live code; and the code is never stored
// where it can be read.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  auditEvents,
  challengeStates,
  guardianCodeSends,
  guardianCodes,
  notices,
  schools,
  users,
} from "@/db/schema";
import { hashPool } from "@/lib/crypto/hash-pool";
import { getDb } from "@/lib/data/db";
import { ForbiddenError } from "@/lib/data/errors";
import {
  GUARDIAN_REQUEST_FLOOR_MS,
  redeemGuardianCode,
  requestGuardianCode,
} from "@/lib/data/guardian-codes";
import { resetPasswordWithGrant } from "@/lib/data/reset-grants";
import { schoolSettings, setGuardianApproval } from "@/lib/data/school-settings";
import { authenticate } from "@/lib/data/sign-in";
import { clearSecurityQuestions, setStudentEnabled, unlockAccount } from "@/lib/data/student-accounts";
import { deliverDueNotices } from "@/lib/mail/delivery";
import { smtpTransport } from "@/lib/mail/smtp-transport";
import type { MailTransport } from "@/lib/mail/transport";
import { encryptionKeys } from "@/lib/server/config";
import {
  CLEMENTI_ADMIN,
  CLIENT,
  IP,
  JURONG_ADMIN,
  answerWrongly,
  createStudent,
  gateRow,
  letLockRunOut,
  lockAccountOutright,
  newPassword,
  openChallenge,
  resetByAdmin,
  signIn,
  type Answers,
} from "./helpers";
import { startMailServer, type MailServer, type ReceivedMail } from "./mail-server";
import { FAST, createFamily, deliverAll, noticesOf, type Family } from "./notice-steps";

const ANSWERS: Answers = { 2: "turquoise", 3: "table tennis", 4: "laksa" };
/** The outbox as the app's worker runs it: with the keys that open a sealed body. */
const SETTINGS = { ...FAST, keys: encryptionKeys() };
const MINUTE = 60_000;

let server: MailServer;
let transport: MailTransport;

beforeAll(async () => {
  server = await startMailServer();
  transport = smtpTransport(server.url, { connectMs: 2_000, socketMs: 2_000 });
});

afterAll(async () => {
  transport.close();
  await server.close();
});

async function schoolIdOf(name: string): Promise<number> {
  const db = await getDb();
  const [school] = await db.select({ id: schools.id }).from(schools).where(eq(schools.name, name));
  return school!.id;
}

/** Clementi's administrator turns the guardian's approval on (or off). */
async function clementiOffers(enabled: boolean) {
  const admin = await signIn(CLEMENTI_ADMIN);
  return setGuardianApproval(admin, { schoolId: admin.schoolId, enabled }, CLIENT);
}

/** The messages the SMTP server accepted for this address. */
const mailTo = (address: string): ReceivedMail[] =>
  server.accepted.filter((mail) => mail.rcptTo.includes(address));

/** The code in a message: `Code: KMN-479` (the English text, below the family's own language
 *  when they have one). */
const codeIn = (mail: ReceivedMail): string | undefined =>
  /\bCode: ([A-Z0-9]{3}-[A-Z0-9]{3})\n/.exec(mail.text)?.[1];

/** The codes this address received, oldest first (a lock's notice to the guardian has none). */
const codesTo = (address: string): string[] => mailTo(address).flatMap((mail) => codeIn(mail) ?? []);

/** Asks for the family's code and delivers the outbox; the code the guardian received, if one
 *  came. */
async function askAndRead(family: Family, now = new Date()): Promise<string | null> {
  const before = codesTo(family.guardian).length;
  expect(await requestGuardianCode(family.loginId, CLIENT, now)).toBeUndefined();
  await deliverAll(transport, SETTINGS);
  const received = codesTo(family.guardian);
  return received.length > before ? received.at(-1)! : null;
}

async function guardianNoticesOf(userId: number) {
  const db = await getDb();
  return db
    .select()
    .from(notices)
    .where(and(eq(notices.userId, userId), eq(notices.kind, "guardian_code")));
}

async function requestAudits(userId: number) {
  const db = await getDb();
  const rows = await db
    .select({ action: auditEvents.action, detail: auditEvents.detail })
    .from(auditEvents)
    .where(eq(auditEvents.targetUserId, userId))
    .orderBy(auditEvents.id);
  return rows.filter((row) => row.action.startsWith("guardian_code"));
}

describe("a guardian's approval", () => {
  it("is off by default: asking sends nothing and answers as it always does", async () => {
    const admin = await signIn(CLEMENTI_ADMIN);
    expect((await schoolSettings(admin)).guardianApproval).toBe(false);
    const db = await getDb();
    expect(await db.select().from(schools).where(eq(schools.guardianApproval, true))).toEqual([]);
    const family = await createFamily();
    expect(await askAndRead(family)).toBeNull();
    expect(await guardianNoticesOf(family.userId)).toEqual([]);
    expect(await db.select().from(guardianCodes).where(eq(guardianCodes.userId, family.userId))).toEqual([]);
    expect(await requestAudits(family.userId)).toEqual([
      { action: "guardian_code_requested", detail: { sent: false, refused: "off" } },
    ]);
  });

  it("sends the code to the guardian's address alone, over SMTP, and it works once for a new password", async () => {
    expect(await clementiOffers(true)).toEqual({ status: "changed" });
    const family = await createFamily();
    const code = await askAndRead(family);
    expect(code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{3}-[ACDEFGHJKMNPQRTUVWXY34679]{3}$/);
    // One message, to the guardian's address only; the student's own address gets nothing.
    const mails = server.accepted.filter((mail) => mail.text.includes(code!));
    expect(mails.map((mail) => mail.rcptTo)).toEqual([[family.guardian]]);
    expect(mailTo(family.student)).toEqual([]);
    expect(mails[0]!.subject).toBe("A code to reset the password of Mei Ling Goh's school account");
    expect(mails[0]!.text).toMatch(/The code works until .+\(SGT\)\./);
    expect(mails[0]!.text).not.toContain(family.loginId);

    // Typed as a child types it: small letters, no dash, spaces around.
    const typed = ` ${code!.replace("-", "").toLowerCase()} `;
    const result = await redeemGuardianCode(family.loginId.toUpperCase(), typed, CLIENT);
    if (result.status !== "correct") throw new Error(`expected a grant, got ${result.status}`);
    const reset = await resetPasswordWithGrant(
      result.grantToken,
      newPassword("Pepper-Lantern-Moon-7"),
      CLIENT,
    );
    expect(reset.status).toBe("reset");
    expect(await authenticate(family.loginId, "Pepper-Lantern-Moon-7", IP)).not.toBeNull();
    // The usual notice, saying how: a code sent to the guardian, not the security questions.
    const changed = (await noticesOf(family.userId)).filter((notice) => notice.kind === "password_changed");
    expect(changed.map((notice) => notice.toAddress).sort()).toEqual(
      [family.guardian, family.student].sort(),
    );
    for (const notice of changed)
      expect(notice.body).toContain("using a code sent to the parent or guardian's e-mail");

    // Once only: the same code again is wrong, and counted at the gate.
    expect(await redeemGuardianCode(family.loginId, code!, CLIENT)).toEqual({ status: "wrong" });
    expect((await gateRow(family.userId))?.attempts).toBe(1);
    expect((await requestAudits(family.userId)).map((row) => row.action)).toEqual([
      "guardian_code_requested",
      "guardian_code_sent",
      "guardian_code_used",
      "guardian_code_failed",
    ]);
  });

  it("writes to the guardian in the family's language, with the English below", async () => {
    const family = await createFamily();
    const db = await getDb();
    await db.update(users).set({ language: "zh" }).where(eq(users.id, family.userId));
    const code = await askAndRead(family);
    const [mail] = mailTo(family.guardian);
    expect(mail!.subject).toBe("重设Mei Ling Goh学校账户密码的代码");
    expect(mail!.text).toContain(`代码: ${code}`);
    expect(mail!.text).toContain("----- English -----");
  });

  it("stops working after 30 minutes", async () => {
    const [late, inTime] = [await createFamily(), await createFamily()];
    const sent = new Date();
    const lateCode = await askAndRead(late, sent);
    const thirtyOne = new Date(sent.getTime() + 30 * MINUTE + 1_000);
    expect(await redeemGuardianCode(late.loginId, lateCode!, CLIENT, thirtyOne)).toEqual({ status: "wrong" });
    const code = await askAndRead(inTime, sent);
    const twentyNine = new Date(sent.getTime() + 29 * MINUTE);
    expect((await redeemGuardianCode(inTime.loginId, code!, CLIENT, twentyNine)).status).toBe("correct");
  });

  it("sends one code per student every 15 minutes and three a day; a new code ends the one before", async () => {
    const family = await createFamily();
    const t0 = new Date();
    const at = (minutes: number) => new Date(t0.getTime() + minutes * MINUTE);
    const first = await askAndRead(family, at(0));
    expect(first).not.toBeNull();
    expect(await askAndRead(family, at(5))).toBeNull();
    expect(await askAndRead(family, at(14))).toBeNull();
    const second = await askAndRead(family, at(16));
    expect(second).not.toBeNull();
    expect(await askAndRead(family, at(32))).not.toBeNull();
    // The fourth within a day is refused, however long after the third.
    expect(await askAndRead(family, at(48))).toBeNull();
    expect(await askAndRead(family, at(23 * 60))).toBeNull();
    expect(await guardianNoticesOf(family.userId)).toHaveLength(3);
    // A day after the first, a code may go again.
    const fourth = await askAndRead(family, at(24 * 60 + 1));
    expect(fourth).not.toBeNull();
    expect(codesTo(family.guardian)).toHaveLength(4);
    const refused = (await requestAudits(family.userId)).filter((row) => row.detail?.sent === false);
    expect(refused.map((row) => row.detail?.refused)).toEqual(["limit", "limit", "limit", "limit"]);
    // Only the last code sent works.
    const now = at(24 * 60 + 2);
    expect(await redeemGuardianCode(family.loginId, second!, CLIENT, now)).toEqual({ status: "wrong" });
    expect((await redeemGuardianCode(family.loginId, fourth!, CLIENT, now)).status).toBe("correct");
  });

  it("answers every Login ID the same, after the same work, and mails only a real request", async () => {
    const locked = await createFamily();
    await lockAccountOutright(locked.userId);
    const noAddress = await createStudent("guardian_nobody_on_file", { fullName: "Tan Ah Kow" });
    const otherSchool = await createStudent("guardian_jurong_pupil", {
      school: "Jurong West Primary School",
    });
    const db = await getDb();
    await db
      .update(users)
      .set({ guardianEmail: "jurong.family@parents.example" })
      .where(eq(users.id, otherSchool));
    const real = await createFamily();

    const jobs = vi.spyOn(hashPool(), "run");
    const asked: Record<string, number> = {};
    for (const loginId of [
      "no_such_pupil_anywhere",
      locked.loginId,
      "guardian_nobody_on_file",
      "guardian_jurong_pupil",
      "clementi_admin",
      real.loginId,
    ]) {
      const before = jobs.mock.calls.length;
      const started = performance.now();
      expect(await requestGuardianCode(loginId, CLIENT)).toBeUndefined();
      // And none answers sooner than the floor, whatever it found (a real send writes more rows).
      expect(performance.now() - started).toBeGreaterThanOrEqual(GUARDIAN_REQUEST_FLOOR_MS);
      asked[loginId] = jobs.mock.calls.length - before;
    }
    jobs.mockRestore();
    // One argon2 job each: a code is drawn and hashed whatever follows.
    expect(Object.values(asked)).toEqual([1, 1, 1, 1, 1, 1]);
    await deliverAll(transport, SETTINGS);
    expect(mailTo(locked.guardian)).toEqual([]);
    expect(mailTo("jurong.family@parents.example")).toEqual([]);
    expect(mailTo(real.guardian)).toHaveLength(1);
    for (const userId of [locked.userId, noAddress, otherSchool]) {
      expect(await guardianNoticesOf(userId)).toEqual([]);
    }
    const reasons = async (userId: number) =>
      (await requestAudits(userId)).map((row) => row.detail?.refused ?? row.action);
    expect(await reasons(locked.userId)).toEqual(["locked"]);
    expect(await reasons(noAddress)).toEqual(["noAddress"]);
    expect(await reasons(otherSchool)).toEqual(["off"]);
  });

  it("is not a way round the answers' lock: a locked account can neither get nor use a code", async () => {
    const family = await createFamily({ answers: ANSWERS });
    const code = await askAndRead(family);
    // Wrong answers lock the reset path: the code from before is refused, right as it is.
    await openChallenge(family.loginId);
    for (let i = 0; i < 3; i++) await answerWrongly(family.loginId);
    expect(await redeemGuardianCode(family.loginId, code!, CLIENT)).toEqual({ status: "locked" });
    expect(await askAndRead(family, new Date(Date.now() + MINUTE))).toBeNull();
    // Locked until the school unlocks it: still refused, however long after.
    await letLockRunOut(family.userId);
    await lockAccountOutright(family.userId);
    const later = new Date(Date.now() + 20 * MINUTE);
    expect(await redeemGuardianCode(family.loginId, code!, CLIENT, later)).toEqual({
      status: "accountLocked",
    });
    expect(await askAndRead(family, new Date(Date.now() + 40 * MINUTE))).toBeNull();
    const refused = (await requestAudits(family.userId)).filter((row) => row.detail?.sent === false);
    expect(refused.map((row) => row.detail?.refused)).toEqual(["locked", "locked"]);
    // The school's unlock opens the gate and ends the code sent before the lock.
    await unlockAccount(await signIn(CLEMENTI_ADMIN), family.userId, CLIENT);
    expect(await redeemGuardianCode(family.loginId, code!, CLIENT)).toEqual({ status: "wrong" });
  });

  it("counts wrong codes at the gate like wrong answers: three lock, then even the right code is refused", async () => {
    const family = await createFamily();
    const code = await askAndRead(family);
    const wrong = ["KMN479", "ACD34F", "XYW976"].filter((guess) => guess !== code!.replace("-", ""));
    const results = [];
    for (const guess of wrong.slice(0, 3))
      results.push(await redeemGuardianCode(family.loginId, guess, CLIENT));
    expect(results).toEqual([{ status: "wrong" }, { status: "wrong" }, { status: "locked" }]);
    expect((await gateRow(family.userId))?.lockedUntil).not.toBeNull();
    expect(await redeemGuardianCode(family.loginId, code!, CLIENT)).toEqual({ status: "locked" });
    // A Login ID with no code, or no account, gets the same answer for a wrong code.
    expect(await redeemGuardianCode("no_such_pupil_either", "KMN-479", CLIENT)).toEqual({ status: "wrong" });
    const other = await createFamily();
    expect(await redeemGuardianCode(other.loginId, code!, CLIENT)).toEqual({ status: "wrong" });
  });

  it("ends a live code when the school resets, clears, disables or turns the approval off", async () => {
    const admin = await signIn(CLEMENTI_ADMIN);
    const actions: [string, (userId: number) => Promise<unknown>][] = [
      ["reset", (userId) => resetByAdmin(admin, userId)],
      ["clear", (userId) => clearSecurityQuestions(admin, userId, CLIENT)],
      ["disable", (userId) => setStudentEnabled(admin, userId, false, CLIENT)],
    ];
    for (const [what, act] of actions) {
      const family = await createFamily({ answers: ANSWERS });
      const code = await askAndRead(family);
      await act(family.userId);
      const db = await getDb();
      expect(
        await db.select().from(guardianCodes).where(eq(guardianCodes.userId, family.userId)),
        what,
      ).toEqual([]);
      expect(await redeemGuardianCode(family.loginId, code!, CLIENT), what).toEqual({ status: "wrong" });
    }
    const family = await createFamily();
    const code = await askAndRead(family);
    expect(await clementiOffers(false)).toEqual({ status: "changed" });
    expect(await clementiOffers(false)).toEqual({ status: "unchanged" });
    expect(await clementiOffers(true)).toEqual({ status: "changed" });
    expect(await redeemGuardianCode(family.loginId, code!, CLIENT)).toEqual({ status: "wrong" });
    const db = await getDb();
    const changes = await db
      .select({ detail: auditEvents.detail, schoolId: auditEvents.schoolId })
      .from(auditEvents)
      .where(eq(auditEvents.action, "guardian_approval_changed"));
    const clementi = await schoolIdOf("Clementi Primary School");
    expect(changes.slice(-2)).toEqual([
      { detail: { enabled: false }, schoolId: clementi },
      { detail: { enabled: true }, schoolId: clementi },
    ]);
  });

  it("is turned on and off by the school's own administrators only", async () => {
    const jurong = await signIn(JURONG_ADMIN);
    const clementi = await schoolIdOf("Clementi Primary School");
    await expect(
      setGuardianApproval(jurong, { schoolId: clementi, enabled: false }, CLIENT),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const student = await signIn({ loginId: "lim_wei_jie", password: "Green-Paper-Boat-5" });
    await expect(
      setGuardianApproval(student, { schoolId: student.schoolId, enabled: true }, CLIENT),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(schoolSettings(student)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await schoolSettings(jurong)).guardianApproval).toBe(false);
  });

  it("keeps no code where it can be read: hashes, and a sealed message that only the keys open", async () => {
    const family = await createFamily();
    expect(await requestGuardianCode(family.loginId, CLIENT)).toBeUndefined();
    const db = await getDb();
    const [notice] = await guardianNoticesOf(family.userId);
    expect(notice).toMatchObject({ sealed: true, recipientRole: "guardian", toAddress: family.guardian });
    expect(notice!.body).toMatch(/^v2\./);
    // Without the keys, the worker sends nothing and says only why.
    await deliverDueNotices(db, transport, FAST);
    const [failed] = await guardianNoticesOf(family.userId);
    expect(failed).toMatchObject({ status: "failed", lastError: "SEALED" });
    expect(mailTo(family.guardian)).toEqual([]);

    // Every code mailed in this file, against every row that could hold one.
    const codes = server.accepted.flatMap((mail) => codeIn(mail) ?? []);
    expect(codes.length).toBeGreaterThan(10);
    const [stored] = await db.select().from(guardianCodes).limit(1);
    expect(stored?.codeHash).toMatch(/^\$argon2id\$/);
    const tables = { guardianCodes, guardianCodeSends, notices, auditEvents, challengeStates, users };
    const dump: Record<string, unknown[]> = {};
    for (const [name, table] of Object.entries(tables)) dump[name] = await db.select().from(table);
    const text = JSON.stringify(dump);
    expect(text).toContain(family.guardian); // the dump is real
    for (const code of codes) {
      expect(text, code).not.toContain(code);
      expect(text, code).not.toContain(code.replace("-", ""));
    }
  });
});
