// Story: the school sets the language a family's notices are written in, in the cohort file or on
// the student's page; a guardian whose student's language is Tamil reads the notice in Tamil with
// the English text below it, and a family without a language set reads English alone. Only the
// student's own school can change it.
import { and, desc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, users } from "@/db/schema";
import { getDb } from "@/lib/data/db";
import { ForbiddenError } from "@/lib/data/errors";
import { confirmCohortImport, importPreview, previewCohortImport } from "@/lib/data/import";
import { slipJobSettled } from "@/lib/data/slips";
import { setStudentLanguage } from "@/lib/data/student-accounts";
import { studentDetail } from "@/lib/data/students";
import { parseForm, studentLanguageSchema } from "@/lib/forms";
import { messagesFor } from "@/lib/messages/tree";
import { CLEMENTI_ADMIN, CLIENT, JURONG_ADMIN, resetByAdmin, signIn, userIdOf } from "./helpers";
import { createFamily, noticesOf } from "./notice-steps";

const HEADER = "login_id,full_name,class,student_email,guardian_email";

async function languageOf(userId: number) {
  const db = await getDb();
  const [row] = await db.select({ language: users.language }).from(users).where(eq(users.id, userId));
  return row?.language;
}

async function languageAudit(userId: number) {
  const db = await getDb();
  return db
    .select({ action: auditEvents.action, detail: auditEvents.detail })
    .from(auditEvents)
    .where(and(eq(auditEvents.targetUserId, userId), eq(auditEvents.action, "language_changed")))
    .orderBy(desc(auditEvents.id));
}

async function previewOf(csv: string) {
  const admin = await signIn(CLEMENTI_ADMIN);
  const file = { schoolId: admin.schoolId, name: "languages.csv", content: csv };
  const result = await previewCohortImport(admin, file);
  if (result.status !== "preview") throw new Error(`file refused: ${result.error}`);
  return { admin, batchId: result.batchId, preview: await importPreview(admin, result.batchId) };
}

describe("the language in the cohort file", () => {
  it("gives each new student the language of their row, and none for an empty cell", async () => {
    const csv = [
      `${HEADER},Preferred Language`,
      "lang_kavya,Kavya Raman,P3 Courage,,raman.family@parents.example,Tamil",
      "lang_jun_hao,Lee Jun Hao,P3 Courage,,,中文",
      "lang_aisyah,Nur Aisyah,P3 Courage,,,ms",
      "lang_oliver,Oliver Tan,P3 Courage,,,",
    ].join("\n");
    const { admin, batchId, preview } = await previewOf(csv);
    expect(preview.problems).toEqual([]);
    const started = await confirmCohortImport(admin, { schoolId: admin.schoolId, batchId }, CLIENT);
    if (started.status !== "started") throw new Error("not started");
    await slipJobSettled(started.slipSetId);

    const languages = {
      lang_kavya: "ta",
      lang_jun_hao: "zh",
      lang_aisyah: "ms",
      lang_oliver: null,
    };
    for (const [loginId, language] of Object.entries(languages)) {
      expect(await languageOf(await userIdOf(loginId)), loginId).toBe(language);
      expect((await studentDetail(admin, await userIdOf(loginId))).language, loginId).toBe(language);
    }
  });

  it("lists a language it does not know as a row to fix, and imports nothing", async () => {
    const csv = `${HEADER},language\nlang_pierre,Pierre Lim,P3 Courage,,,French\n`;
    const { admin, batchId, preview } = await previewOf(csv);
    expect(preview.problems).toEqual([{ line: 2, reasons: ["languageInvalid"] }]);
    expect(await confirmCohortImport(admin, { schoolId: admin.schoolId, batchId }, CLIENT)).toEqual({
      status: "gone",
    });
    const db = await getDb();
    expect(await db.select().from(users).where(eq(users.loginId, "lang_pierre"))).toEqual([]);
  });
});

describe("the language on the student's page", () => {
  it("is changed by the school, cleared again, and each change is in the audit log", async () => {
    const admin = await signIn(CLEMENTI_ADMIN);
    const { userId } = await createFamily();
    expect((await studentDetail(admin, userId)).language).toBeNull();

    expect(await setStudentLanguage(admin, userId, "zh", CLIENT)).toEqual({
      fullName: "Mei Ling Goh",
      language: "zh",
    });
    expect((await studentDetail(admin, userId)).language).toBe("zh");
    await setStudentLanguage(admin, userId, null, CLIENT);
    expect(await languageOf(userId)).toBeNull();

    expect(await languageAudit(userId)).toEqual([
      { action: "language_changed", detail: { from: "zh", to: null } },
      { action: "language_changed", detail: { from: null, to: "zh" } },
    ]);
  });

  it("cannot be changed by another school's administrator, nor for an administrator", async () => {
    const clementi = await signIn(CLEMENTI_ADMIN);
    const jurong = await signIn(JURONG_ADMIN);
    const { userId } = await createFamily();
    await setStudentLanguage(clementi, userId, "ms", CLIENT);

    await expect(setStudentLanguage(jurong, userId, "ta", CLIENT)).rejects.toThrow(ForbiddenError);
    await expect(studentDetail(jurong, userId)).rejects.toThrow(ForbiddenError);
    await expect(setStudentLanguage(clementi, clementi.id, "ta", CLIENT)).rejects.toThrow(ForbiddenError);
    expect(await languageOf(userId)).toBe("ms");
    expect(await languageOf(clementi.id)).toBeNull();
    expect(await languageAudit(userId)).toHaveLength(1);
  });

  it("is one of the four languages or none in the database itself", async () => {
    const { userId } = await createFamily();
    const db = await getDb();
    const write = (language: string) =>
      db.execute(sql`update users set language = ${language} where id = ${userId}`);
    await expect(write("qps")).rejects.toThrow();
    await expect(write("TA")).rejects.toThrow();
    await write("ta");
    expect(await languageOf(userId)).toBe("ta");
  });

  it("takes only the four languages or not set from the form", () => {
    const form = (language: string) => {
      const data = new FormData();
      data.set("userId", "7");
      data.set("language", language);
      return parseForm(studentLanguageSchema, data);
    };
    expect(form("ta")).toEqual({ ok: true, data: { userId: 7, language: "ta" } });
    expect(form("")).toEqual({ ok: true, data: { userId: 7, language: null } });
    for (const bad of ["qps", "fr", "TA", "en-SG", "tamil"]) expect(form(bad).ok, bad).toBe(false);
  });
});

describe("the notices in the family's language", () => {
  const name = "Mei Ling Goh";
  const tamil = messagesFor("ta").mail.passwordChanged;
  const english = messagesFor("en").mail.passwordChanged;

  it("tells a Tamil-speaking guardian in Tamil, with the English text below it", async () => {
    const admin = await signIn(CLEMENTI_ADMIN);
    const family = await createFamily();
    await setStudentLanguage(admin, family.userId, "ta", CLIENT);
    await resetByAdmin(admin, family.userId);

    const guardian = (await noticesOf(family.userId)).find((n) => n.recipientRole === "guardian");
    expect(guardian?.toAddress).toBe(family.guardian);
    expect(guardian?.subject).toBe(tamil.subject(name));
    const [own = "", below = ""] = guardian!.body.split("\n----- English -----\n");
    expect(own).toContain(tamil.text(name, "admin"));
    expect(own).not.toContain(english.text(name, "admin"));
    expect(below).toContain(english.text(name, "admin"));
    expect(below).not.toMatch(/[\u0B80-\u0BFF]/); // no Tamil letter in the English part
  });

  it("tells a family without a language in English only", async () => {
    const admin = await signIn(CLEMENTI_ADMIN);
    const family = await createFamily();
    await resetByAdmin(admin, family.userId);

    const sent = await noticesOf(family.userId);
    expect(sent.map((n) => n.recipientRole).sort()).toEqual(["guardian", "student"]);
    for (const notice of sent) {
      expect(notice.subject).toBe(english.subject(name));
      expect(notice.body).toContain(english.text(name, "admin"));
      expect(notice.body).not.toContain("----- English -----");
      expect(notice.body).not.toMatch(/[\u0B80-\u0BFF\u4E00-\u9FFF]/);
    }
  });
});
