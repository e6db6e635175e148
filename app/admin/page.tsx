import { schoolTime } from "@/lib/school/time";
import { Card } from "@/app/components/card";
import { requireAdmin } from "@/lib/auth/guards";
import { listLockedAccounts } from "@/lib/data/student-accounts";
import { findStudents, SEARCH_MAX_LENGTH, STUDENT_FILTERS, type StudentFilter } from "@/lib/data/students";
import { schoolMessages } from "@/lib/messages";
import { activityLast30Days, questionCoverageByClass } from "@/lib/data/dashboard";
import { schoolsForAdmin } from "@/lib/data/ministry";
import { listFailedNotices } from "@/lib/data/notice-lists";
import { SelectField } from "@/app/components/field";
import { switchSchool } from "./schools/actions";
import { NoticeList } from "@/app/components/notice-list";
import { ActivityChart, QuestionCoverage } from "./dashboard";
import { FindStudents } from "./find-students";
import { LockedAccounts } from "./locked-accounts";
import { adminMetadata } from "./metadata";

type Query = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");

/** The search in the address: anything odd there means "no words, every student, page 1". */
function searchOf(query: Query) {
  const filter = one(query.filter);
  return {
    query: one(query.q).slice(0, SEARCH_MAX_LENGTH),
    filter: (STUDENT_FILTERS as readonly string[]).includes(filter) ? (filter as StudentFilter) : "all",
    page: Math.min(Math.max(1, Number.parseInt(one(query.page), 10) || 1), 100_000),
  };
}

export const generateMetadata = adminMetadata((t) => t.admin.heading);

export default async function AdminPage({ searchParams }: { searchParams: Promise<Query> }) {
  const admin = await requireAdmin();
  const t = schoolMessages();
  const search = searchOf(await searchParams);
  // None of the six needs another's answer: asked together, the page waits for the slowest only.
  const [locked, found, coverage, activity, failed, choices] = await Promise.all([
    listLockedAccounts(admin),
    findStudents(admin, search),
    questionCoverageByClass(admin),
    activityLast30Days(admin),
    listFailedNotices(admin),
    schoolsForAdmin(admin),
  ]);
  const rows = locked.map(({ lock, lockedUntil, ...row }) => ({
    ...row,
    lockText:
      lock === "account"
        ? t.admin.lockAccount
        : t.admin.lockTemporary(schoolTime.format(lockedUntil ?? new Date())),
  }));
  return (
    <Card title={admin.schoolName} heading={t.admin.heading}>
      {choices.length > 1 && (
        <form action={switchSchool} className="flex flex-wrap items-end gap-3">
          <div className="grow">
            <SelectField
              name="schoolId"
              label={t.ministry.switchLabel}
              defaultValue={admin.schoolId}
              options={choices.map((school) => ({ value: school.id, label: school.name }))}
            />
          </div>
          <button
            type="submit"
            className="rounded-lg border-2 border-brand px-4 py-3 font-semibold text-brand hover:bg-brand-light"
          >
            {t.ministry.switchButton}
          </button>
        </form>
      )}
      {/* On a desk: the students on the left, the school's picture on the right. */}
      <div className="grid gap-x-10 gap-y-5 lg:grid-cols-[3fr_2fr]">
        <div className="min-w-0 space-y-5">
          <h2 className="text-xl font-bold">{t.admin.lockedHeading}</h2>
          <LockedAccounts rows={rows} />
          <FindStudents search={search} found={found} />
        </div>
        <div className="min-w-0 space-y-5">
          <QuestionCoverage classes={coverage} />
          <ActivityChart days={activity} />
          {failed.length > 0 && (
            <NoticeList notices={failed} heading={t.notices.failedHeading} empty={t.notices.noneFailed} />
          )}
        </div>
      </div>
    </Card>
  );
}
