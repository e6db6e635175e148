import { Pager } from "@/app/components/pager";
import { Card } from "@/app/components/card";
import { Field, SelectField } from "@/app/components/field";
import { requireAdmin } from "@/lib/auth/guards";
import { auditFilterOf, auditQueryOf } from "@/lib/school/audit-filter";
import { AUDIT_ACTIONS, schoolAdmins, searchAuditLog } from "@/lib/data/audit-read";
import { schoolMessages } from "@/lib/messages";
import { adminMetadata } from "../metadata";
import { AuditTable } from "./audit-table";

type Query = Record<string, string | string[] | undefined>;

export const generateMetadata = adminMetadata((t) => t.admin.audit.heading);

export default async function AuditPage({ searchParams }: { searchParams: Promise<Query> }) {
  const admin = await requireAdmin();
  const query = await searchParams;
  const filter = auditFilterOf(query);
  const page = Number.parseInt(typeof query.page === "string" ? query.page : "1", 10) || 1;
  const [found, admins] = await Promise.all([searchAuditLog(admin, filter, page), schoolAdmins(admin)]);
  const a = schoolMessages().admin;
  const t = a.audit;
  const link = (to: number) => `/admin/audit?${auditQueryOf(filter, to)}#lines`;
  return (
    <Card title={admin.schoolName} heading={t.heading}>
      <form method="get" action="/admin/audit" className="space-y-3">
        <div className="grid items-end gap-x-4 gap-y-3 md:grid-cols-2 xl:grid-cols-5">
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
        </div>
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
        {found.lines.length > 0 && <AuditTable lines={found.lines} />}
        <Pager page={found.page} pages={found.pages} href={link} />
      </div>
    </Card>
  );
}
