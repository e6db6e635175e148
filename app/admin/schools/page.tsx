import { notFound } from "next/navigation";
import { Card } from "@/app/components/card";
import { requireAdmin } from "@/lib/auth/guards";
import { listSchoolsWithAdmins } from "@/lib/data/ministry";
import { schoolMessages } from "@/lib/messages";
import { adminMetadata } from "../metadata";
import { AddAdminForm, AddSchoolForm, AdminAccessForm, GrantSchoolForm } from "./forms";

export const generateMetadata = adminMetadata((t) => t.ministry.heading, "ministry");

export default async function SchoolsPage() {
  const admin = await requireAdmin();
  if (!admin.ministry) notFound();
  const m = schoolMessages().ministry;
  const schools = await listSchoolsWithAdmins(admin);
  return (
    <Card heading={m.heading}>
      <section aria-labelledby="schools-heading" className="space-y-3">
        <h2 id="schools-heading" className="text-xl font-bold">
          {m.schoolsHeading}
        </h2>
        <ul className="grid gap-3 md:grid-cols-2 xl:grid-cols-3">
          {schools.map((school) => (
            <li key={school.id} className="space-y-1 rounded-xl border border-slate-300 p-3">
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
      {/* On a desk the four forms sit two by two. */}
      <div className="grid gap-x-10 gap-y-8 lg:grid-cols-2">
        <AddSchoolForm />
        <AddAdminForm schools={schools} />
        <GrantSchoolForm schools={schools} />
        <AdminAccessForm />
      </div>
    </Card>
  );
}
