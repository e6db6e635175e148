// The notices as administrators see them (a student's, a school's undelivered ones: never a body
// or an address), and the dev mailbox. Queued in lib/data/notices.ts.
import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { notices, users } from "@/db/schema";
import { config, encryptionKeys } from "@/lib/server/config";
import { isRowId } from "@/lib/forms/row-id";
import { type NoticeKind, type RecipientRole } from "@/lib/mail/compose";
import { openNoticeBody } from "@/lib/mail/sealed-body";
import { assertActor, type Actor } from "./actor";
import { getDb } from "./db";
import { ForbiddenError } from "./errors";

/** What administrators see of a notice: never its body or an address. */
export type NoticeSummary = {
  id: number;
  kind: NoticeKind;
  recipientRole: RecipientRole;
  status: "pending" | "sending" | "sent" | "failed";
  attempts: number;
  createdAt: Date;
  sentAt: Date | null;
};

const summaryColumns = {
  id: notices.id,
  kind: notices.kind,
  recipientRole: notices.recipientRole,
  status: notices.status,
  attempts: notices.attempts,
  createdAt: notices.createdAt,
  sentAt: notices.sentAt,
};

/** The recent notices about one student of the administrator's own school. */
export async function listNoticesForStudent(
  actor: Actor,
  userId: number,
  limit = 20,
): Promise<NoticeSummary[]> {
  const admin = await assertActor(actor, "admin");
  if (!isRowId(userId)) throw new ForbiddenError();
  const db = await getDb();
  const [student] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.schoolId, admin.schoolId), eq(users.role, "student")));
  if (!student) throw new ForbiddenError();
  return db
    .select(summaryColumns)
    .from(notices)
    .where(and(eq(notices.userId, student.id), eq(notices.schoolId, admin.schoolId)))
    .orderBy(desc(notices.createdAt), desc(notices.id))
    .limit(limit);
}

export type FailedNotice = NoticeSummary & { userId: number | null; studentName: string | null };

/** Notices of the administrator's own school that could not be delivered, newest first. */
export async function listFailedNotices(actor: Actor, limit = 50): Promise<FailedNotice[]> {
  const admin = await assertActor(actor, "admin");
  const db = await getDb();
  return db
    .select({ ...summaryColumns, userId: notices.userId, studentName: users.fullName })
    .from(notices)
    .leftJoin(users, eq(users.id, notices.userId))
    .where(and(eq(notices.schoolId, admin.schoolId), eq(notices.status, "failed")))
    .orderBy(desc(notices.createdAt), desc(notices.id))
    .limit(limit);
}

export type MailboxMessage = {
  id: number;
  toAddress: string;
  subject: string;
  body: string;
  status: NoticeSummary["status"];
  messageId: string;
  createdAt: Date;
};

/** The development mailbox: every family's messages, so never in production. */
export async function listDevMailbox(limit = 50): Promise<MailboxMessage[]> {
  if (config.isProduction) throw new ForbiddenError();
  const db = await getDb();
  const rows = await db
    .select({
      id: notices.id,
      toAddress: notices.toAddress,
      subject: notices.subject,
      body: notices.body,
      status: notices.status,
      messageId: notices.messageId,
      createdAt: notices.createdAt,
      sealed: notices.sealed,
    })
    .from(notices)
    .orderBy(desc(notices.createdAt), desc(notices.id))
    .limit(limit);
  // A sealed body (a guardian's code) is opened for the developer, as the worker opens it to send.
  return rows.map(({ sealed, ...row }) => ({
    ...row,
    body: sealed ? (openNoticeBody(row.body, encryptionKeys(), row.messageId) ?? "") : row.body,
  }));
}
