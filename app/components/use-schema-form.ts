"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState, type FormEvent } from "react";
import { useForm, type FieldPath, type FieldValues } from "react-hook-form";
import type { z } from "zod";
import { IDLE, type FormAction } from "@/lib/forms/state";

/** react-hook-form checks the form's zod schema in the browser; the server action checks it
 *  again. Before JavaScript loads, the form posts straight to the action. */
export function useSchemaForm<S extends z.ZodType<FieldValues, FieldValues>>(schema: S, action: FormAction) {
  type Field = FieldPath<z.input<S>>;
  const [state, formAction, pending] = useActionState(action, IDLE);
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema),
    mode: "onTouched",
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
    return typeof clientError === "string" ? clientError : state.fieldErrors?.[field];
  };
  /** What a field needs: react-hook-form's registration, its name and its error. */
  const fieldProps = (name: Field) => ({ ...form.register(name), name, error: errorOf(name) });
  return { state, formAction, pending, form, onSubmit, errorOf, fieldProps };
}
