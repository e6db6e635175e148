"use client";
import { useActionState } from "react";
import { FormMessage } from "@/app/components/field";
import { SubmitButton } from "@/app/components/submit-button";
import { IDLE } from "@/lib/forms";
import { getMessages } from "@/lib/messages";
import { confirmImport } from "../actions";

export function ConfirmForm({ batchId }: { batchId: number }) {
  const [state, formAction] = useActionState(confirmImport, IDLE);
  return (
    <form action={formAction} className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="batchId" value={batchId} />
      <SubmitButton>{getMessages().cohort.confirm}</SubmitButton>
    </form>
  );
}
