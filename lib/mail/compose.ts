// The words of each e-mail notice, from the messages module (the product will be translated).
// Plain text only. What a notice may hold: the student's name and class, the school's contact
// address, when, the kind of device, the client's address, a link to the student's page in /admin for the school.
// Never a password, an answer, a Login ID or a link that resets anything. The one secret a notice
// carries is a guardian's code, to the guardian alone, and that notice is sealed in the outbox
// (lib/mail/sealed-body.ts).
import { messagesFor, type Messages } from "@/lib/messages/tree";
import type { Locale } from "@/lib/messages/locales";
import type { ClientInfo } from "@/lib/http/request";
import { deviceKindOf } from "./device-kind";

export type PasswordChangeHow = "self_service" | "reset_code" | "guardian_code" | "signed_in" | "admin";

export type NoticeEvent =
  | { kind: "password_changed"; how: PasswordChangeHow }
  | { kind: "questions_set"; replaced: boolean }
  | { kind: "reset_path_locked"; lockedUntil: Date }
  | { kind: "account_locked" }
  /** Wrong passwords in a row: sign-in (from devices that never signed in to it) waits. */
  | { kind: "sign_in_slowed"; failures: number; until: Date }
  /** An administrator's wrong second-factor codes in a row: the code step is locked. */
  | { kind: "second_factor_locked"; failures: number; until: Date }
  /** A guardian's approval asked for at Forgot Password?: the code (as shown, `KMN-479`) and
   *  when it stops working. */
  | { kind: "guardian_code"; code: string; expiresAt: Date };

export type NoticeKind = NoticeEvent["kind"];
export type RecipientRole = "student" | "guardian" | "school" | "administrator" | "ministry";

export type NoticeFacts = {
  /** The student's id: the school's link goes straight to their page in /admin. */
  studentId: number;
  /** A student (the school's link is to their page) or an administrator. */
  isStudent: boolean;
  studentName: string;
  className: string | null;
  schoolContact: string;
  at: Date;
  client: ClientInfo;
  timeZone: string;
  /** The app's public address, without a trailing slash. */
  appUrl: string;
};

export type ComposedNotice = { subject: string; body: string };

/** Who hears of each event. */
export function recipientRolesFor(event: NoticeEvent): RecipientRole[] {
  switch (event.kind) {
    case "password_changed":
    case "questions_set":
      return ["student", "guardian"];
    case "reset_path_locked":
      return ["guardian"];
    case "account_locked":
      return ["guardian", "school"];
    case "sign_in_slowed":
      return ["student", "guardian", "school"];
    case "second_factor_locked":
      return ["administrator", "ministry"];
    case "guardian_code":
      return ["guardian"];
  }
}

/** Whether the notice's words carry a secret: then it is kept sealed in the outbox. */
export function carriesSecret(event: NoticeEvent): boolean {
  return event.kind === "guardian_code";
}

/** The date and time words of each language, as written in Singapore. */
const DATE_LOCALES: Record<Locale, string> = {
  en: "en-SG",
  zh: "zh-SG",
  ms: "ms-SG",
  ta: "ta-SG",
  qps: "en-SG",
};

export function formatNoticeTime(at: Date, timeZone: string, locale: Locale = "en"): string {
  return (
    new Intl.DateTimeFormat(DATE_LOCALES[locale], {
      dateStyle: "long",
      timeStyle: "short",
      timeZone,
      hour12: true,
    }).format(at) + ` (${zoneName(at, timeZone)})`
  );
}

function zoneName(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-SG", { timeZone, timeZoneName: "short" }).formatToParts(at);
  return parts.find((part) => part.type === "timeZoneName")?.value ?? timeZone;
}

/** A header may not carry a line break (header injection); names come from the database. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, " ").trim();
}

/** The notice for one recipient. A family's notice (student, guardian) is written in the student's
 *  language (`locale`), with the English text below it for the school; the school's and the
 *  administrators' notices are English. */
export function composeNotice(
  event: NoticeEvent,
  role: RecipientRole,
  facts: NoticeFacts,
  locale: Locale = "en",
): ComposedNotice {
  const english = composeIn(messagesFor("en"), "en", event, role, facts);
  const family = role === "student" || role === "guardian";
  if (!family || locale === "en") return english;
  const own = composeIn(messagesFor(locale), locale, event, role, facts);
  return { subject: own.subject, body: `${own.body}\n----- English -----\n\n${english.body}` };
}

function composeIn(
  t: Messages,
  locale: Locale,
  event: NoticeEvent,
  role: RecipientRole,
  facts: NoticeFacts,
): ComposedNotice {
  const m = t.mail;
  const time = (at: Date) => formatNoticeTime(at, facts.timeZone, locale);
  const name = oneLine(facts.studentName);
  const className = facts.className ? oneLine(facts.className) : null;
  const contact = oneLine(facts.schoolContact);
  const when = time(facts.at);
  const origin = [
    `${m.when}: ${when}`,
    `${m.device}: ${m.devices[deviceKindOf(facts.client.userAgent)]}`,
    `${m.address}: ${facts.client.address ?? m.unknownAddress}`,
  ].join("\n");
  let subject: string;
  let lines: string[];
  switch (event.kind) {
    case "password_changed":
      subject = m.passwordChanged.subject(name);
      lines = [
        m.passwordChanged.text(name, event.how),
        origin,
        event.how === "admin" ? m.passwordChanged.notAsked(contact) : m.passwordChanged.notYou(contact),
      ];
      break;
    case "questions_set":
      subject = m.questionsSet.subject(name, event.replaced);
      lines = [m.questionsSet.text(name, event.replaced), origin, m.questionsSet.notYou(contact)];
      break;
    case "reset_path_locked":
      subject = m.resetPathLocked.subject(name);
      lines = [
        m.resetPathLocked.text(name, time(event.lockedUntil)),
        origin,
        m.resetPathLocked.notYou(contact),
      ];
      break;
    case "account_locked":
      if (role === "school") {
        subject = m.schoolAccountLocked.subject(name, className);
        lines = [
          m.schoolAccountLocked.text(name, className),
          origin,
          m.schoolAccountLocked.action(`${facts.appUrl}/admin/students/${facts.studentId}`),
        ];
      } else {
        subject = m.accountLocked.subject(name);
        lines = [m.accountLocked.text(name), origin, m.accountLocked.notYou(contact)];
      }
      break;
    case "sign_in_slowed": {
      const until = time(event.until);
      if (role === "school") {
        subject = m.schoolSignInSlowed.subject(name, className);
        lines = [
          m.schoolSignInSlowed.text(name, className, event.failures, until),
          origin,
          facts.isStudent
            ? m.schoolSignInSlowed.action(`${facts.appUrl}/admin/students/${facts.studentId}`)
            : m.schoolSignInSlowed.actionAdmin,
        ];
      } else {
        subject = m.signInSlowed.subject(name);
        lines = [m.signInSlowed.text(name, event.failures, until), origin, m.signInSlowed.notYou(contact)];
      }
      break;
    }
    case "second_factor_locked": {
      const until = time(event.until);
      const to = role === "ministry" ? m.secondFactorLocked.ministry : m.secondFactorLocked.administrator;
      subject = to.subject(name);
      lines = [m.secondFactorLocked.text(name, event.failures, until), origin, to.action];
      break;
    }
    case "guardian_code":
      subject = m.guardianCode.subject(name);
      lines = [
        m.guardianCode.text(name),
        `${m.guardianCode.code}: ${event.code}`,
        m.guardianCode.until(time(event.expiresAt)),
        origin,
        m.guardianCode.notYou(contact),
      ];
      break;
  }
  return { subject: oneLine(subject), body: [m.greeting, ...lines, m.footer].join("\n\n") + "\n" };
}
