"use client";
import { useActionState } from "react";
import { Field, FormMessage } from "@/app/components/field";
import { PrintButton } from "@/app/components/print-button";
import { SubmitButton } from "@/app/components/submit-button";
import { SCHOOL_FIELD } from "@/lib/forms/state";
import { schoolMessages } from "@/lib/messages/school";
import { importTeachersAction } from "./actions";
import { NOT_IMPORTED, type TeacherImportState } from "./import-state";

/** Teachers from a CSV file: the rows to fix, or the teachers added and their temporary passwords,
 *  shown once, ready to print (they alone are printed: app/globals.css, `print-alone`). */
export function ImportTeachersForm({
  schoolId,
  maxKilobytes,
  maxRows,
}: {
  schoolId: number;
  maxKilobytes: number;
  maxRows: number;
}) {
  const t = schoolMessages().teachers;
  const [state, action] = useActionState(importTeachersAction, NOT_IMPORTED);
  return (
    <section aria-labelledby="import-teachers-heading" className="space-y-3">
      <h2 id="import-teachers-heading" className="text-xl font-bold">
        {t.importHeading}
      </h2>
      <p>{t.importIntro}</p>
      <div aria-live="polite" className="space-y-3">
        <FormMessage state={{ status: state.status, message: state.message }} />
        {state.problems && <RowsToFix problems={state.problems} />}
        {state.imported && <Imported teachers={state.imported} />}
      </div>
      <form action={action} className="space-y-3">
        <input type="hidden" name={SCHOOL_FIELD} value={schoolId} />
        <Field
          id="teachers-file"
          name="file"
          label={t.file}
          hint={t.fileHint(maxKilobytes, maxRows)}
          error={state.fieldErrors?.file}
          type="file"
          accept=".csv,text/csv"
          required
        />
        <SubmitButton>{t.upload}</SubmitButton>
      </form>
    </section>
  );
}

function RowsToFix({ problems }: { problems: NonNullable<TeacherImportState["problems"]> }) {
  const t = schoolMessages().teachers;
  return (
    <table className="w-full rounded-xl border border-slate-300 bg-white text-left text-sm">
      <caption className="p-2 text-left font-semibold">{t.problemsCaption}</caption>
      <thead className="border-y border-slate-300 bg-slate-100">
        <tr>
          <th scope="col" className="p-2">
            {t.row}
          </th>
          <th scope="col" className="p-2">
            {t.problem}
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-200">
        {problems.map((row) => (
          <tr key={row.line}>
            <th scope="row" className="p-2 align-top font-normal">
              {row.line}
            </th>
            <td className="p-2">
              <ul className="space-y-1">
                {row.problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Imported({ teachers }: { teachers: NonNullable<TeacherImportState["imported"]> }) {
  const t = schoolMessages().teachers;
  return (
    <div className="space-y-3">
      <PrintButton label={t.print} />
      <div
        className="print-alone overflow-x-auto"
        role="region"
        aria-labelledby="imported-caption"
        tabIndex={0}
      >
        <table className="w-full min-w-[32rem] rounded-xl border border-slate-300 bg-white text-left text-sm">
          <caption id="imported-caption" className="p-2 text-left font-semibold">
            {t.importedCaption}
          </caption>
          <thead className="border-y border-slate-300 bg-slate-100">
            <tr>
              {[t.fullName, t.loginId, t.classesLabel, t.temporaryPassword].map((heading) => (
                <th key={heading} scope="col" className="p-2">
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {teachers.map((teacher) => (
              <tr key={teacher.loginId}>
                <th scope="row" className="p-2 font-normal break-words">
                  {teacher.fullName}
                </th>
                <td className="p-2 font-mono">{teacher.loginId}</td>
                <td className="p-2 break-words">{teacher.classes}</td>
                <td className="p-2 font-mono" data-testid="imported-password">
                  {teacher.temporaryPassword}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
