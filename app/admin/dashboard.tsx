import {
  ACTIVITY_KINDS,
  type ActivityDay,
  type ActivityKind,
  type ClassCoverage,
} from "@/lib/data/dashboard";
import { schoolMessages } from "@/lib/messages";

const KIND_COLOURS: Record<ActivityKind, string> = {
  resets: "#0b4f8a",
  locks: "#b42318",
  unlocks: "#15803d",
};
const KINDS = Object.keys(ACTIVITY_KINDS) as ActivityKind[];

/** A share as a bar (a `<meter>`: its value is an attribute, not an inline style, which the CSP
 *  refuses), green for the share and red for what is missing. The browser's own gradients go. */
const SHARE_METER = [
  "block h-3 w-full appearance-none rounded-full bg-red-100",
  "[&::-webkit-meter-bar]:h-3 [&::-webkit-meter-bar]:rounded-full [&::-webkit-meter-bar]:border-0",
  "[&::-webkit-meter-bar]:bg-red-100 [&::-webkit-meter-bar]:bg-none",
  "[&::-webkit-meter-optimum-value]:rounded-full [&::-webkit-meter-optimum-value]:bg-green-700",
  "[&::-webkit-meter-optimum-value]:bg-none",
  "[&::-moz-meter-bar]:rounded-full [&::-moz-meter-bar]:bg-green-700 [&::-moz-meter-bar]:bg-none",
].join(" ");

/** Each class: how many have set up questions, as words and a bar, and a link to those who have not. */
export function QuestionCoverage({ classes }: { classes: ClassCoverage[] }) {
  const t = schoolMessages().admin.dashboard;
  return (
    <section aria-labelledby="coverage-heading" className="space-y-3">
      <h2 id="coverage-heading" className="text-xl font-bold">
        {t.coverageHeading}
      </h2>
      {classes.length === 0 && <p>{t.noStudents}</p>}
      <ul className="space-y-3">
        {classes.map((row, i) => {
          const name = row.className ?? t.noClass;
          const words = t.coverage(row.setUp, row.students);
          const missing = row.students - row.setUp;
          const query = new URLSearchParams({ q: row.className ?? "", filter: "noQuestions" });
          const id = `coverage-${i}`;
          return (
            <li key={name} className="space-y-1">
              <p className="flex flex-wrap justify-between gap-x-3">
                <span id={`${id}-name`} className="font-semibold">
                  {name}
                </span>
                <span id={`${id}-words`}>{words}</span>
              </p>
              <meter
                min={0}
                max={Math.max(1, row.students)}
                value={row.setUp}
                aria-labelledby={`${id}-name ${id}-words`}
                className={SHARE_METER}
              />
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
  const t = schoolMessages().admin.dashboard;
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
            {/* The colour as an SVG attribute, as in the chart: an inline style is refused by the CSP. */}
            <svg aria-hidden="true" width="12" height="12" viewBox="0 0 12 12" className="shrink-0">
              <rect width="12" height="12" fill={KIND_COLOURS[kind]} />
            </svg>
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
