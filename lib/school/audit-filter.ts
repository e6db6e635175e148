// The audit log's filter from the address (the page's GET form, the export link): anything odd is
// dropped, never an error, so a shared or hand-edited address always shows a page.
import { AUDIT_ACTIONS, type AuditFilter } from "@/lib/data/audit-read";
import { parseRowId } from "@/lib/forms/row-id";

type Query = Record<string, string | string[] | undefined>;

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");

function day(text: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text) ? text : null;
}

export function auditFilterOf(query: Query): AuditFilter {
  const action = one(query.action);
  return {
    student: one(query.student).slice(0, 100),
    adminId: parseRowId(one(query.admin)) ?? null,
    action: (AUDIT_ACTIONS as readonly string[]).includes(action) ? (action as AuditFilter["action"]) : null,
    from: day(one(query.from)),
    to: day(one(query.to)),
  };
}

/** The filter back as an address's query (for the export link and the page links). */
export function auditQueryOf(filter: AuditFilter, page?: number): string {
  const entries: [string, string][] = [
    ["student", filter.student],
    ["admin", filter.adminId === null ? "" : String(filter.adminId)],
    ["action", filter.action ?? ""],
    ["from", filter.from ?? ""],
    ["to", filter.to ?? ""],
    ["page", page && page > 1 ? String(page) : ""],
  ];
  return new URLSearchParams(entries.filter(([, value]) => value !== "")).toString();
}
