import { TopNav } from "@/app/components/top-nav";
import { currentSession } from "@/lib/auth/guards";
import { teacherLinks } from "./links";

/** A teacher's pages: their menu (once past the second factor and a chosen password), on a page as
 *  wide as a desk's screen. Not their guard: every page and action here checks its caller itself
 *  (requireTeacher). */
export default async function TeacherLayout({ children }: { children: React.ReactNode }) {
  const session = await currentSession();
  const teacher = session?.user.role === "teacher" ? session : null;
  const ready = teacher?.secondFactorPassed && !teacher.user.mustChangePassword;
  return (
    <div data-desk>
      {teacher && (
        <TopNav links={ready ? teacherLinks() : []} name={teacher.user.fullName} className="print:hidden" />
      )}
      {children}
    </div>
  );
}
