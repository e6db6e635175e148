"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState, useMemo, type FormEvent } from "react";
import { useForm, type FieldPath, type FieldValues } from "react-hook-form";
import type { z } from "zod";
import { IDLE, sayError, type ErrorWords, type FormAction } from "@/lib/forms/state";

/** react-hook-form checks the form's zod schema in the browser; the server action checks it
 *  again. Before JavaScript loads, the form posts straight to the action. The schema says error
 *  codes; `words` (lib/forms/parse.ts errorWords, from the page) say them in the reader's language. */
export function useSchemaForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  action: FormAction,
  words: ErrorWords,
) {
  type Field = FieldPath<z.input<S>>;
  const [state, formAction, pending] = useActionState(action, IDLE);
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema),
    mode: "onTouched",
    // Focus goes to the error summary (FormMessage), which links to each field.
    shouldFocusError: false,
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const formData = new FormData(event.currentTarget);
    // What the page shows is the truth: a value typed while the page was still loading may
    // not have reached react-hook-form. The names are the page's own, so the schema's.
    for (const [name, value] of formData.entries()) {
      if (typeof value === "string") form.setValue(name as Field, value as never);
    }
    void form.handleSubmit(() => startTransition(() => formAction(formData)))(event);
  };
  const errorOf = (field: Field): string | undefined => {
    const clientError = (form.formState.errors as Record<string, { message?: unknown } | undefined>)[field]
      ?.message;
    return typeof clientError === "string" ? sayError(clientError, words) : state.fieldErrors?.[field];
  };
  /** What the error summary shows: the browser's errors and the server's, one per field. */
  const clientErrors = form.formState.errors as Record<string, unknown>;
  const fieldErrors: Record<string, string> = {};
  for (const field of new Set([...Object.keys(clientErrors), ...Object.keys(state.fieldErrors ?? {})])) {
    const error = errorOf(field as Field);
    if (error) fieldErrors[field] = error;
  }
  const hasErrors = Object.keys(fieldErrors).length > 0;
  const shown = { ...state, status: hasErrors ? "error" : state.status, fieldErrors };
  /** New on each submit the browser refused and on each answer of the server. */
  const { submitCount } = form.formState;
  const submitted = useMemo(() => ({ submitCount, state }), [submitCount, state]);
  /** What a field needs: react-hook-form's registration, its name and its error. */
  const fieldProps = (name: Field) => ({ ...form.register(name), name, error: errorOf(name) });
  return { state, shown, submitted, formAction, pending, form, onSubmit, errorOf, fieldProps };
}
