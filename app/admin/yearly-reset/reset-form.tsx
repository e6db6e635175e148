"use client";
import { useActionState } from "react";
import { Field, FieldError, FormMessage } from "@/app/components/field";
import { SubmitButton } from "@/app/components/submit-button";
import type { SchoolClass } from "@/lib/data/yearly-reset";
import { IDLE, SCHOOL_FIELD } from "@/lib/forms/state";
import { schoolMessages } from "@/lib/messages/school";
import { startReset } from "./actions";

/** `schoolId`: the school the page shows, which the reset acts on. */
export function ResetForm({ classes, schoolId }: { classes: SchoolClass[]; schoolId: number }) {
  const t = schoolMessages().cohort;
  const [state, formAction] = useActionState(startReset, IDLE);
  const scopeError = state.fieldErrors?.scope;
  return (
    <form action={formAction} className="space-y-4">
      <FormMessage state={state} />
      <input type="hidden" name={SCHOOL_FIELD} value={schoolId} />
      <div className="space-y-1">
        <label htmlFor="scope" className="block font-semibold">
          {t.scope}
        </label>
        <select
          id="scope"
          name="scope"
          required
          defaultValue={state.values?.scope ?? ""}
          key={state.values?.scope}
          aria-invalid={scopeError ? true : undefined}
          aria-describedby="scope-error"
          className="block w-full rounded-lg border-2 border-slate-400 bg-white px-3 py-3 text-lg aria-[invalid=true]:border-red-700"
        >
          <option value="">{t.chooseScope}</option>
          {classes.map((c) => (
            <option key={c.className} value={`class:${c.className}`}>
              {t.classOption(c.className, c.students)}
            </option>
          ))}
          <option value="school">{t.wholeSchool}</option>
        </select>
        <FieldError id="scope-error" error={scopeError} />
      </div>
      <Field
        name="confirm"
        label={t.confirmLabel}
        hint={t.confirmHint}
        error={state.fieldErrors?.confirm}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        required
      />
      <SubmitButton>{t.startReset}</SubmitButton>
    </form>
  );
}
