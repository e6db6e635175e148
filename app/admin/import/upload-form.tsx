"use client";
import { useActionState } from "react";
import { Field, FormMessage } from "@/app/components/field";
import { SubmitButton } from "@/app/components/submit-button";
import { COHORT_MAX_BYTES, COHORT_MAX_ROWS } from "@/lib/school/cohort-csv";
import { IDLE, SCHOOL_FIELD } from "@/lib/forms/state";
import { schoolMessages } from "@/lib/messages/school";
import { uploadCohort } from "./actions";

/** `schoolId`: the school the page shows, which the import is for. */
export function UploadForm({ schoolId }: { schoolId: number }) {
  const t = schoolMessages().cohort;
  const [state, formAction] = useActionState(uploadCohort, IDLE);
  return (
    <form action={formAction} className="space-y-4">
      <FormMessage state={state} />
      <input type="hidden" name={SCHOOL_FIELD} value={schoolId} />
      <Field
        name="file"
        label={t.file}
        hint={t.fileHint(COHORT_MAX_BYTES / 1024 / 1024, COHORT_MAX_ROWS)}
        error={state.fieldErrors?.file}
        type="file"
        accept=".csv,text/csv"
        required
      />
      <SubmitButton>{t.upload}</SubmitButton>
    </form>
  );
}
