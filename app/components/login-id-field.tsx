import type { ComponentProps } from "react";
import { LOGIN_ID_MAX_LENGTH } from "@/lib/forms/state";
import { Field } from "./field";

/** The Login ID, as every family form asks for it: the username or the student e-mail, typed as
 *  it comes (no capitals or spelling fixes), the browser's saved username offered. */
export function LoginIdField(props: Omit<ComponentProps<typeof Field>, "type">) {
  return (
    <Field
      autoComplete="username"
      autoCapitalize="none"
      spellCheck={false}
      maxLength={LOGIN_ID_MAX_LENGTH}
      {...props}
    />
  );
}
