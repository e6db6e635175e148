import { TopNav } from "@/app/components/top-nav";
import type { NavLink } from "@/app/components/nav-links";
import { currentSession, type CurrentSession } from "@/lib/auth/guards";
import { isStaff } from "@/lib/auth/roles";
import { schoolMessages } from "@/lib/messages";
import { teacherLinks } from "../teacher/links";

/** The administration's menu. Everything opens only past the second factor and a chosen
 *  password; before that, the name and Log Out. A teacher passes the second factor here too, and
 *  then has the teachers' menu (every other page here is a 404 for them). */
function adminLinks(session: CurrentSession): NavLink[] {
  if (!session.secondFactorPassed || session.user.mustChangePassword) return [];
  if (session.user.role === "teacher") return teacherLinks();
  const t = schoolMessages();
  return [
    { href: "/admin", label: t.admin.heading },
    { href: "/admin/audit", label: t.admin.audit.link },
    { href: "/admin/import", label: t.cohort.importLink },
    { href: "/admin/yearly-reset", label: t.cohort.yearlyResetLink },
    { href: "/admin/teachers", label: t.teachers.link },
    { href: "/admin/settings", label: t.admin.settings.link },
    ...(session.user.ministry ? [{ href: "/admin/schools", label: t.ministry.link }] : []),
    { href: "/change-password", label: t.portal.changePassword },
  ];
}

/** The school's pages: their menu, and a page as wide as a desk's screen (`data-desk`: the root
 *  layout widens its column for it). Not their guard: every page and action under /admin checks
 *  its caller itself; the menu is only drawn for the school's staff (a teacher's own). */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const session = await currentSession();
  const staff = session && isStaff(session.user.role) ? session : null;
  return (
    <div data-desk>
      {staff && <TopNav links={adminLinks(staff)} name={staff.user.fullName} className="print:hidden" />}
      {children}
    </div>
  );
}
