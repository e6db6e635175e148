import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { notices, schools, users } from "@/db/schema";
import type { Executor } from "@/db/client";
import { config, encryptionKeys } from "@/lib/server/config";
import type { ClientInput } from "@/lib/http/request";
import {
  carriesSecret,
  composeNotice,
  recipientRolesFor,
  type NoticeEvent,
  type PasswordChangeHow,
  type RecipientRole,
} from "@/lib/mail/compose";
import { sealNoticeBody } from "@/lib/mail/sealed-body";
import { formatResetCode } from "@/lib/reset/reset-code";

// The e-mail notices' outbox: each queue* function runs inside the transaction of the change it
// reports, so the change and its notices commit or roll back together. lib/mail delivers them.

type QueueOptions = { userId: number; client: ClientInput; at?: Date };

export function queuePasswordChangedNotices(
  tx: Executor,
  options: QueueOptions & { how: PasswordChangeHow },
): Promise<void> {
  return queueNotices(tx, options, { kind: "password_changed", how: options.how });
}

export function queueQuestionsSetNotices(
  tx: Executor,
  options: QueueOptions & { replaced: boolean },
): Promise<void> {
  return queueNotices(tx, options, { kind: "questions_set", replaced: options.replaced });
}

export function queueLockNotices(
  tx: Executor,
  options: QueueOptions & { lock: "locked" | "accountLocked"; lockedUntil: Date | null },
): Promise<void> {
  const event: NoticeEvent =
    options.lock === "accountLocked" || !options.lockedUntil
      ? { kind: "account_locked" }
      : { kind: "reset_path_locked", lockedUntil: options.lockedUntil };
  return queueNotices(tx, options, event);
}

/** Many wrong passwords in a row for an account: told to the person, the guardian and the school. */
export function queueSignInSlowedNotices(
  tx: Executor,
  options: QueueOptions & { failures: number; until: Date },
): Promise<void> {
  return queueNotices(tx, options, {
    kind: "sign_in_slowed",
    failures: options.failures,
    until: options.until,
  });
}

/** An administrator's second factor locked: told to the administrator and the ministry. */
export function queueSecondFactorLockedNotices(
  tx: Executor,
  options: QueueOptions & { failures: number; until: Date },
): Promise<void> {
  return queueNotices(tx, options, {
    kind: "second_factor_locked",
    failures: options.failures,
    until: options.until,
  });
}

/** A guardian's code, to the guardian's address on file alone, in the family's language; sealed in
 *  the outbox (the code is never kept readable). */
export function queueGuardianCodeNotice(
  tx: Executor,
  options: QueueOptions & { code: string; expiresAt: Date },
): Promise<void> {
  return queueNotices(tx, options, {
    kind: "guardian_code",
    code: formatResetCode(options.code),
    expiresAt: options.expiresAt,
  });
}

/** The ministry's addresses: the contact e-mail of each active ministry administrator's school. */
async function ministryAddresses(tx: Executor): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ contact: schools.contactEmail })
    .from(users)
    .innerJoin(schools, eq(schools.id, users.schoolId))
    .where(and(eq(users.ministry, true), eq(users.status, "active")));
  return rows.map((row) => row.contact);
}

/** One address, nothing that could add a recipient or a header. */
const SINGLE_ADDRESS = /^[^\s@<>()[\]\\,;:"]{1,64}@[^\s@<>()[\]\\,;:"]{1,255}$/;

function messageIdDomain(): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(config.mail.from)?.[1];
  return domain ?? "sspr.invalid";
}

async function queueNotices(tx: Executor, options: QueueOptions, event: NoticeEvent): Promise<void> {
  const [person] = await tx
    .select({
      fullName: users.fullName,
      role: users.role,
      className: users.className,
      email: users.email,
      guardianEmail: users.guardianEmail,
      language: users.language,
      schoolId: users.schoolId,
      schoolContact: schools.contactEmail,
    })
    .from(users)
    .innerJoin(schools, eq(schools.id, users.schoolId))
    .where(eq(users.id, options.userId));
  if (!person) return;
  const facts = {
    studentId: options.userId,
    isStudent: person.role === "student",
    studentName: person.fullName,
    className: person.className,
    schoolContact: person.schoolContact,
    at: options.at ?? new Date(),
    client: options.client ?? { address: null, userAgent: null },
    timeZone: config.schoolTimeZone,
    appUrl: config.appUrl,
  };
  const roles = recipientRolesFor(event);
  const addressesOf: Record<RecipientRole, (string | null)[]> = {
    student: [person.email],
    guardian: [person.guardianEmail],
    school: [person.schoolContact],
    // The member of staff themselves (their second factor locked): an administrator or a teacher.
    administrator: [person.role !== "student" ? person.email : null],
    ministry: roles.includes("ministry") ? await ministryAddresses(tx) : [],
  };
  const seen = new Set<string>();
  const sealed = carriesSecret(event);
  const rows = roles
    .flatMap((role) => addressesOf[role].map((address) => [role, address] as const))
    .flatMap(([role, address]) => {
      const to = address?.trim();
      if (!to || seen.has(to.toLowerCase())) return [];
      seen.add(to.toLowerCase());
      // The family's words in the student's language, the English below; not set: English alone.
      const { subject, body } = composeNotice(event, role, facts, person.language ?? "en");
      // A stored address that could carry a second recipient is never sent; administrators see it.
      const refused = SINGLE_ADDRESS.test(to)
        ? {}
        : { status: "failed" as const, lastError: "invalid_address" };
      const messageId = `<${randomUUID()}@${messageIdDomain()}>`;
      return [
        {
          userId: options.userId,
          schoolId: person.schoolId,
          kind: event.kind,
          recipientRole: role,
          toAddress: to,
          subject,
          body: sealed ? sealNoticeBody(body, encryptionKeys(), messageId) : body,
          sealed,
          messageId,
          ...refused,
        },
      ];
    });
  if (rows.length > 0) await tx.insert(notices).values(rows);
}
