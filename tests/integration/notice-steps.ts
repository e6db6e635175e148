// Shared steps for the e-mail notice stories: a family with addresses, and delivering the outbox.
import { eq, inArray } from "drizzle-orm";
import { notices, users } from "@/db/schema";
import { getDb } from "@/lib/data/db";
import { deliverDueNotices, type OutboxSettings } from "@/lib/mail/delivery";
import type { MailTransport } from "@/lib/mail/transport";
import { createStudent, type Answers } from "./helpers";

export const IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
export const WINDOWS =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
export const CLEMENTI_CONTACT = "mims-admin@clementi-ps.example";

/** Short backoff so a retried notice is due again at once. */
export const FAST: OutboxSettings = {
  from: "MIMS Student SSPR <no-reply@sspr.example>",
  maxAttempts: 4,
  batchSize: 5,
  leaseMs: 30_000,
  retryBaseMs: 5,
  retryMaxMs: 20,
};

export type Family = { userId: number; loginId: string; password: string; student: string; guardian: string };

let families = 0;

/** A Clementi student with a student e-mail, a guardian e-mail and a class. */
export async function createFamily(options: { answers?: Answers } = {}): Promise<Family> {
  const n = ++families;
  const tag = `${process.pid}${n}`;
  const loginId = `notice_pupil_${tag}`;
  const password = `Orange-Lantern-${tag}-Ok`;
  const userId = await createStudent(loginId, {
    fullName: "Mei Ling Goh",
    password,
    answers: options.answers,
  });
  const student = `pupil${tag}@students.clementi-ps.example`;
  const guardian = `goh.family${tag}@parents.example`;
  const db = await getDb();
  await db
    .update(users)
    .set({ email: student, guardianEmail: guardian, className: "P6 Harmony" })
    .where(eq(users.id, userId));
  return { userId, loginId, password, student, guardian };
}

/** Passes until nothing is due; retries come due again within milliseconds (FAST). */
export async function deliverAll(transport: MailTransport, settings = FAST): Promise<void> {
  const db = await getDb();
  for (;;) {
    const pass = await deliverDueNotices(db, transport, settings);
    if (pass.claimed > 0) continue;
    const [waiting] = await db
      .select({ id: notices.id })
      .from(notices)
      .where(inArray(notices.status, ["pending", "sending"]))
      .limit(1);
    if (!waiting) return;
    await new Promise((wake) => setTimeout(wake, 10));
  }
}

export async function noticesOf(userId: number) {
  const db = await getDb();
  return db.select().from(notices).where(eq(notices.userId, userId)).orderBy(notices.id);
}
