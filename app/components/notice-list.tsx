import { schoolTime } from "@/lib/school/time";
import { useId } from "react";
import type { NoticeSummary } from "@/lib/data/notice-lists";
import { schoolMessages } from "@/lib/messages";

/** One notice as administrators see it: no body, no address (lib/data/notices.ts). */
export type NoticeRow = NoticeSummary & {
  /** Shown when the list spans several students (the failed notices of a school). */
  studentName?: string | null;
};

/** The e-mail notices of a student, or a school's undelivered ones: a list that reads at 360 px. */
export function NoticeList({
  notices,
  heading,
  empty,
  formatTime = (at) => schoolTime.format(at),
}: {
  notices: NoticeRow[];
  heading?: string;
  empty?: string;
  formatTime?: (at: Date) => string;
}) {
  const t = schoolMessages().notices;
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h2 id={headingId} className="text-xl font-bold">
        {heading ?? t.heading}
      </h2>
      {notices.length === 0 ? (
        <p>{empty ?? t.empty}</p>
      ) : (
        <ul className="space-y-3">
          {notices.map((notice) => (
            <li key={notice.id} className="rounded-xl border border-slate-300 p-4">
              <p className="font-semibold">
                {t.kinds[notice.kind]}
                {notice.studentName ? ` — ${notice.studentName}` : ""}
              </p>
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                <dt>{t.recipient}</dt>
                <dd>{t.recipients[notice.recipientRole]}</dd>
                <dt>{t.status}</dt>
                <dd className={notice.status === "failed" ? "font-semibold text-red-800" : undefined}>
                  {t.statuses[notice.status]} ({t.tries(notice.attempts)})
                </dd>
                <dt>{t.written}</dt>
                <dd>{formatTime(notice.createdAt)}</dd>
                {notice.sentAt && (
                  <>
                    <dt>{t.sentAt}</dt>
                    <dd>{formatTime(notice.sentAt)}</dd>
                  </>
                )}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
