"use client";
import { startTransition, useActionState, type FormEvent } from "react";
import { IDLE, type FormAction } from "@/lib/forms/state";

/** The form pipeline of the pages a whole school meets at once (Log In, the reset at /sspr,
 *  Change Password): the server action parses with the form's schema (lib/forms/) and answers
 *  with the words next to each field; the browser carries no schema, so a first visit loads
 *  little JavaScript (README, "Load and memory"). Before JavaScript loads, the form posts
 *  straight to the action; after, the page stays as typed while the answer comes. */
export function useFormAction(action: FormAction) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  };
  /** What a field needs: its name and the server's words about it. */
  const fieldProps = (name: string) => ({ name, error: state.fieldErrors?.[name] });
  return { state, formAction, pending, onSubmit, fieldProps };
}
