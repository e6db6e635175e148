import type { AuditLine } from "@/lib/data/audit-read";
import { schoolMessages } from "@/lib/messages";
import { schoolTime } from "@/lib/school/time";
import { shownAddress } from "../address";

/** One line a row: a desk reads down its columns. On a phone the table scrolls sideways in its
 *  own box (which a keyboard can scroll too), never the page. */
export function AuditTable({ lines }: { lines: AuditLine[] }) {
  const a = schoolMessages().admin;
  const t = a.audit;
  const cell = "p-3 align-top";
  return (
    <div
      role="region"
      aria-labelledby="lines-caption"
      tabIndex={0}
      className="overflow-x-auto rounded-xl border border-slate-300 bg-white"
    >
      <table className="w-full min-w-[44rem] text-left text-sm">
        <caption id="lines-caption" className="p-3 text-left font-semibold">
          {t.tableCaption}
        </caption>
        <thead className="border-y border-slate-300 bg-slate-100">
          <tr>
            {[t.when, t.action, t.account, t.doneBy, t.address].map((heading) => (
              <th key={heading} scope="col" className={cell}>
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {lines.map((line) => (
            <tr key={line.id}>
              <th scope="row" className={`${cell} whitespace-nowrap font-normal`}>
                <time dateTime={line.at.toISOString()}>{schoolTime.format(line.at)}</time>
              </th>
              <td className={cell}>{a.auditActions[line.action] ?? line.action}</td>
              <td className={`${cell} break-words`}>
                {line.studentName ? `${line.studentName} (${line.studentLoginId})` : "—"}
              </td>
              {/* Whoever did it, by name: the account's own holder too (a student, or an
                  administrator signing in), and nobody signed in when no one was. */}
              <td className={`${cell} break-words`}>{line.actorName ?? a.trailBy.nobody}</td>
              <td className={`${cell} whitespace-nowrap`}>{shownAddress(line.clientAddress) ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
