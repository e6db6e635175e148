import { Pager } from "@/app/components/pager";
import { schoolTime } from "@/lib/school-time";
import { Card } from "@/app/components/card";
import { Field, SelectField } from "@/app/components/field";
import { TopNav } from "@/app/components/top-nav";
import { currentUser, requireAdmin } from "@/lib/auth/guards";
import { auditFilterOf, auditQueryOf } from "@/lib/audit-filter";
import { AUDIT_ACTIONS, schoolAdmins, searchAuditLog } from "@/lib/data/audit-log";
import { getMessages } from "@/lib/messages";

type Query = Record<string, string | string[] | undefined>;

export async function generateMetadata() {
  const user = await currentUser();
  return user?.role === "admin" ? { title: getMessages().admin.audit.heading } : {};
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Query> }) {
  const admin = await requireAdmin();
  const query = await searchParams;
  const filter = auditFilterOf(query);
  const page = Number.parseInt(typeof query.page === "string" ? query.page : "1", 10) || 1;
  const found = await searchAuditLog(admin, filter, page);
  const admins = await schoolAdmins(admin);
  const a = getMessages().admin;
  const t = a.audit;
  const link = (to: number) => `/admin/audit?${auditQueryOf(filter, to)}#lines`;
  return (
    <>
      <TopNav links={[{ href: "/admin", label: a.heading }]} name={admin.fullName} />
      <Card title={admin.schoolName} heading={t.heading}>
        <form method="get" action="/admin/audit" className="space-y-3">
          <Field
            name="student"
            label={t.student}
            type="search"
            defaultValue={filter.student}
            maxLength={100}
          />
          <SelectField
            name="admin"
            label={t.admin}
            defaultValue={filter.adminId ?? ""}
            options={[
              { value: "", label: t.anyone },
              ...admins.map((x) => ({ value: x.id, label: x.fullName })),
            ]}
          />
          <SelectField
            name="action"
            label={t.action}
            defaultValue={filter.action ?? ""}
            options={[
              { value: "", label: t.anyAction },
              ...AUDIT_ACTIONS.map((action) => ({ value: action, label: a.auditActions[action] ?? action })),
            ]}
          />
          <Field name="from" label={t.from} type="date" defaultValue={filter.from ?? ""} />
          <Field name="to" label={t.to} type="date" defaultValue={filter.to ?? ""} />
          <button
            type="submit"
            className="w-full rounded-lg bg-brand px-5 py-3 text-lg font-semibold text-white hover:bg-brand-dark sm:w-auto"
          >
            {t.filter}
          </button>
        </form>
        <p>
          <a
            href={`/admin/audit/export?${auditQueryOf(filter)}`}
            className="font-semibold text-brand underline underline-offset-4"
            download
          >
            {t.export}
          </a>
        </p>
        <div id="lines" className="space-y-3">
          <p role="status">
            {found.total === 0 ? t.none : t.found(found.total)}{" "}
            {found.pages > 1 && a.pageOf(found.page, found.pages)}
          </p>
          <ul className="divide-y divide-slate-200 rounded-xl border border-slate-300">
            {found.lines.map((line) => (
              <li key={line.id} className="p-3 text-sm">
                <time dateTime={line.at.toISOString()} className="block font-semibold">
                  {schoolTime.format(line.at)}
                </time>
                <span className="block">{a.auditActions[line.action] ?? line.action}</span>
                {line.studentName && (
                  <span className="block">
                    {line.studentName} ({line.studentLoginId})
                  </span>
                )}
                <span className="block text-slate-700">
                  {a.doneBy(
                    line.actorIsStudent ? a.trailBy.student! : (line.actorName ?? a.trailBy.nobody!),
                    line.clientAddress,
                  )}
                </span>
              </li>
            ))}
          </ul>
          <Pager page={found.page} pages={found.pages} href={link} />
        </div>
      </Card>
    </>
  );
}
