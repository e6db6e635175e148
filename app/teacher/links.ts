import type { NavLink } from "@/app/components/nav-links";
import { schoolMessages } from "@/lib/messages/school";

/** A teacher's menu: their classes and their own password. */
export function teacherLinks(): NavLink[] {
  const t = schoolMessages();
  return [
    { href: "/teacher", label: t.teacher.heading },
    { href: "/change-password", label: t.portal.changePassword },
  ];
}
