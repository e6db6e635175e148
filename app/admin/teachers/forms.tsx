"use client";
import { useActionState } from "react";
import { Field, FormMessage } from "@/app/components/field";
import { SubmitButton } from "@/app/components/submit-button";
import { IDLE, SCHOOL_FIELD } from "@/lib/forms/state";
import { schoolMessages } from "@/lib/messages/school";
import { addTeacherAction, changeTeacherAccess, changeTeacherClasses } from "./actions";

// The forms of /admin/teachers, not checked in the browser: the words come back from the action,
// next to each field, with what was typed (`values`: React empties a form once its action answers).
// `classesHint` names the school's classes, to type as they are.

/** Add one teacher: their temporary password is shown once, in the answer. */
export function AddTeacherForm({ schoolId, classesHint }: { schoolId: number; classesHint: string }) {
  const t = schoolMessages().teachers;
  const [state, action] = useActionState(addTeacherAction, IDLE);
  return (
    <form action={action} className="space-y-3" aria-labelledby="add-teacher-heading">
      <h2 id="add-teacher-heading" className="text-xl font-bold">
        {t.addHeading}
      </h2>
      <div aria-live="polite" className="space-y-2">
        <FormMessage state={state} />
        {state.generated && (
          <div className="rounded-lg border-2 border-brand p-3">
            <p className="text-sm font-semibold">{t.temporaryPassword}</p>
            <p className="break-all font-mono text-xl" data-testid="teacher-password">
              {state.generated}
            </p>
            <p className="text-sm">{t.shownOnce}</p>
          </div>
        )}
      </div>
      <input type="hidden" name={SCHOOL_FIELD} value={schoolId} />
      <Field
        id="teacher-loginId"
        name="loginId"
        label={t.loginId}
        maxLength={64}
        required
        autoCapitalize="none"
        spellCheck={false}
        defaultValue={state.values?.loginId}
        error={state.fieldErrors?.loginId}
      />
      <Field
        id="teacher-fullName"
        name="fullName"
        label={t.fullName}
        maxLength={100}
        required
        defaultValue={state.values?.fullName}
        error={state.fieldErrors?.fullName}
      />
      <Field
        id="teacher-classes"
        name="classes"
        label={t.classesLabel}
        hint={classesHint}
        maxLength={1000}
        required
        defaultValue={state.values?.classes}
        error={state.fieldErrors?.classes}
      />
      <SubmitButton>{t.add}</SubmitButton>
    </form>
  );
}

export type TeacherView = {
  id: number;
  loginId: string;
  fullName: string;
  disabled: boolean;
  classes: string;
};

/** One teacher: their classes, to change, and their access. */
export function TeacherItem({ teacher }: { teacher: TeacherView }) {
  const t = schoolMessages().teachers;
  const [classesState, classesAction] = useActionState(changeTeacherClasses, IDLE);
  const [accessState, accessAction] = useActionState(changeTeacherAccess, IDLE);
  const fieldId = `classes-${teacher.id}`;
  return (
    <li aria-label={teacher.fullName} className="space-y-3 rounded-xl border border-slate-300 p-4">
      <p>
        <span className="font-semibold">{teacher.fullName}</span>{" "}
        <span className="font-mono text-sm">({teacher.loginId})</span>
        {teacher.disabled && <span className="ml-2 text-sm font-semibold text-red-800">{t.disabled}</span>}
      </p>
      <form action={classesAction} className="space-y-2">
        <FormMessage state={{ status: classesState.status, message: classesState.message }} />
        <input type="hidden" name="teacherId" value={teacher.id} />
        <Field
          id={fieldId}
          name="classes"
          label={t.classesOf(teacher.fullName)}
          defaultValue={classesState.values?.classes ?? teacher.classes}
          maxLength={1000}
          error={classesState.fieldErrors?.classes}
        />
        <SubmitButton variant="secondary">{t.saveClasses}</SubmitButton>
      </form>
      <form action={accessAction} className="space-y-2">
        <FormMessage state={accessState} />
        <input type="hidden" name="teacherId" value={teacher.id} />
        <input type="hidden" name="enabled" value={teacher.disabled ? "true" : "false"} />
        <SubmitButton variant="secondary">{teacher.disabled ? t.enable : t.disable}</SubmitButton>
      </form>
    </li>
  );
}
