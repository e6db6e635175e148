"use client";
import { useActionState } from "react";
import { FormMessage } from "@/app/components/field";
import { SubmitButton } from "@/app/components/submit-button";
import { IDLE } from "@/lib/forms/state";
import { schoolMessages } from "@/lib/messages/school";
import { unlockStudent } from "./actions";

export type ClassRow = {
  id: number;
  fullName: string;
  loginId: string;
  questionsSetUp: boolean;
  locked: boolean;
  lockText: string;
};

export type ClassTable = { className: string; students: ClassRow[] };

/** One table a class: a student a row, named by a link to their page (where the reset code is
 *  given), with Unlock beside a locked account. Three columns, so a phone's width holds them. One
 *  answer for the whole page: the message outlives the row's button. */
export function ClassTables({ tables }: { tables: ClassTable[] }) {
  const t = schoolMessages();
  const [state, formAction] = useActionState(unlockStudent, IDLE);
  const cell = "p-2 align-top sm:p-3";
  return (
    <div className="space-y-6">
      <FormMessage state={state} />
      {tables.map((table) => (
        <table
          key={table.className}
          className="w-full table-fixed rounded-xl border border-slate-300 bg-white text-left text-sm"
        >
          <caption className="p-2 text-left text-lg font-bold sm:p-3">
            {t.teacher.classCaption(table.className, table.students.length)}
          </caption>
          {/* The same columns in every class's table. */}
          <colgroup>
            <col className="w-[42%]" />
            <col className="w-[25%]" />
            <col />
          </colgroup>
          <thead className="border-y border-slate-300 bg-slate-100">
            <tr>
              {[t.teacher.student, t.teacher.questions, t.teacher.lock].map((heading) => (
                <th key={heading} scope="col" className={cell}>
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {table.students.length === 0 && (
              <tr>
                <td colSpan={3} className={cell}>
                  {t.teacher.noStudents}
                </td>
              </tr>
            )}
            {table.students.map((student) => (
              <tr key={student.id}>
                <th scope="row" className={`${cell} font-normal break-words`}>
                  <a
                    href={`/teacher/students/${student.id}`}
                    className="inline-block py-1 font-semibold text-brand underline underline-offset-4"
                  >
                    {student.fullName}
                  </a>
                  <span className="block break-all font-mono">{student.loginId}</span>
                </th>
                <td className={cell}>{student.questionsSetUp ? t.teacher.setUp : t.teacher.notSetUp}</td>
                <td className={`${cell} space-y-2`}>
                  <p>{student.lockText}</p>
                  {student.locked && (
                    <form action={formAction}>
                      <input type="hidden" name="userId" value={student.id} />
                      <SubmitButton variant="secondary" aria-label={t.admin.unlockFor(student.fullName)}>
                        {t.admin.unlock}
                      </SubmitButton>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}
