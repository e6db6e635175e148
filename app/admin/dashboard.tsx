import {
  ACTIVITY_KINDS,
  type ActivityDay,
  type ActivityKind,
  type ClassCoverage,
} from "@/lib/data/dashboard";
import { getMessages } from "@/lib/messages";

const KIND_COLOURS: Record<ActivityKind, string> = {
  resets: "#0b4f8a",
  locks: "#b42318",
  unlocks: "#15803d",
};
const KINDS = Object.keys(ACTIVITY_KINDS) as ActivityKind[];

/** Each class: how many have set up questions, as words and a bar, and a link to those who have not. */
export function QuestionCoverage({ classes }: { classes: ClassCoverage[] }) {
  const t = getMessages().admin.dashboard;
  return (
    <section aria-labelledby="coverage-heading" className="space-y-3">
      <h2 id="coverage-heading" className="text-xl font-bold">
        {t.coverageHeading}
      </h2>
      {classes.length === 0 && <p>{t.noStudents}</p>}
      <ul className="space-y-3">
        {classes.map((row) => {
          const name = row.className ?? t.noClass;
          const share = row.students === 0 ? 0 : Math.round((row.setUp / row.students) * 100);
          const missing = row.students - row.setUp;
          const query = new URLSearchParams({ q: row.className ?? "", filter: "noQuestions" });
          return (
            <li key={name} className="space-y-1">
              <p className="flex flex-wrap justify-between gap-x-3">
                <span className="font-semibold">{name}</span>
                <span>{t.coverage(row.setUp, row.students)}</span>
              </p>
              <div aria-hidden="true" className="h-3 overflow-hidden rounded-full bg-red-100">
                <div className="h-3 rounded-full bg-green-700" style={{ width: `${share}%` }} />
              </div>
              {missing > 0 && (
                <a
                  href={`/admin?${query}#results`}
                  className="text-sm font-semibold text-brand underline underline-offset-4"
                >
                  {t.whoNot(name)}
                </a>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Resets, locks and unlocks per day: a picture for the eye, the same numbers in a table for
 *  screen readers and for anyone who opens it. */
export function ActivityChart({ days }: { days: ActivityDay[] }) {
  const t = getMessages().admin.dashboard;
  const total = (kind: ActivityKind) => days.reduce((sum, day) => sum + day[kind], 0);
  const highest = Math.max(1, ...days.flatMap((day) => KINDS.map((kind) => day[kind])));
  const [width, height, slot] = [300, 100, 300 / days.length];
  const bar = slot / (KINDS.length + 1);
  return (
    <section aria-labelledby="activity-heading" className="space-y-3">
      <h2 id="activity-heading" className="text-xl font-bold">
        {t.activityHeading}
      </h2>
      <p>{t.totals(total("resets"), total("locks"), total("unlocks"))}</p>
      <svg viewBox={`0 0 ${width} ${height + 2}`} className="w-full" aria-hidden="true">
        <line x1="0" x2={width} y1={height + 1} y2={height + 1} stroke="#64748b" strokeWidth="0.5" />
        {days.map((day, i) =>
          KINDS.map((kind, k) => {
            const h = (day[kind] / highest) * height;
            return (
              <rect
                key={`${day.day}-${kind}`}
                x={i * slot + (k + 0.5) * bar}
                y={height + 1 - h}
                width={bar}
                height={h}
                fill={KIND_COLOURS[kind]}
              />
            );
          }),
        )}
      </svg>
      <ul className="flex flex-wrap gap-4 text-sm">
        {KINDS.map((kind) => (
          <li key={kind} className="flex items-center gap-2">
            <span
              aria-hidden="true"
              className="inline-block h-3 w-3"
              style={{ background: KIND_COLOURS[kind] }}
            />
            {t[kind]}
          </li>
        ))}
      </ul>
      <details>
        <summary className="cursor-pointer font-semibold text-brand">{t.showNumbers}</summary>
        <table className="mt-2 w-full text-sm">
          <thead>
            <tr>
              <th scope="col" className="text-left">
                {t.day}
              </th>
              {KINDS.map((kind) => (
                <th key={kind} scope="col" className="text-right">
                  {t[kind]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day.day}>
                <th scope="row" className="text-left font-normal">
                  {day.day}
                </th>
                {KINDS.map((kind) => (
                  <td key={kind} className="text-right">
                    {day[kind]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
