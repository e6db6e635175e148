import { notFound } from "next/navigation";
import { Card } from "@/app/components/card";
import { TopNav } from "@/app/components/top-nav";
import { currentUser, requireAdmin } from "@/lib/auth/guards";
import { listSchoolsWithAdmins } from "@/lib/data/ministry";
import { getMessages } from "@/lib/messages";
import { AddAdminForm, AddSchoolForm, AdminAccessForm, GrantSchoolForm } from "./forms";

/** Only a ministry administrator learns the page's name; anyone else gets the plain 404. */
export async function generateMetadata() {
  const user = await currentUser();
  return user?.role === "admin" && user.ministry ? { title: getMessages().ministry.heading } : {};
}

export default async function SchoolsPage() {
  const admin = await requireAdmin();
  if (!admin.ministry) notFound();
  const t = getMessages();
  const m = t.ministry;
  const schools = await listSchoolsWithAdmins(admin);
  return (
    <>
      <TopNav links={[{ href: "/admin", label: t.admin.heading }]} name={admin.fullName} />
      <Card heading={m.heading}>
        <section aria-labelledby="schools-heading" className="space-y-3">
          <h2 id="schools-heading" className="text-xl font-bold">
            {m.schoolsHeading}
          </h2>
          <ul className="divide-y divide-slate-200 rounded-xl border border-slate-300">
            {schools.map((school) => (
              <li key={school.id} className="space-y-1 p-3">
                <p className="font-semibold">{school.name}</p>
                <p className="text-sm break-words">
                  {school.contactEmail} · {m.students(school.students)}
                </p>
                <p className="text-sm">
                  {m.admins}: {school.admins.length > 0 ? school.admins.join(", ") : m.noAdmins}
                </p>
              </li>
            ))}
          </ul>
        </section>
        <AddSchoolForm />
        <AddAdminForm schools={schools} />
        <GrantSchoolForm schools={schools} />
        <AdminAccessForm />
      </Card>
    </>
  );
}
