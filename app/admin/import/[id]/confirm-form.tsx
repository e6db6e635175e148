"use client";
import { useActionState } from "react";
import { FormMessage } from "@/app/components/field";
import { SubmitButton } from "@/app/components/submit-button";
import { IDLE, SCHOOL_FIELD } from "@/lib/forms/state";
import { schoolMessages } from "@/lib/messages/school";
import { confirmImport } from "../actions";

/** `schoolId`: the school the preview is of, which the import is for. */
export function ConfirmForm({ batchId, schoolId }: { batchId: number; schoolId: number }) {
  const [state, formAction] = useActionState(confirmImport, IDLE);
  return (
    <form action={formAction} className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="batchId" value={batchId} />
      <input type="hidden" name={SCHOOL_FIELD} value={schoolId} />
      <SubmitButton>{schoolMessages().cohort.confirm}</SubmitButton>
    </form>
  );
}
