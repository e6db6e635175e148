"use client";
import { useState, useSyncExternalStore, type ComponentProps } from "react";
import { Field } from "./field";

const noChange = () => () => {};

export type RevealWords = { show: string; hide: string; showPassword: string; hidePassword: string };

/** A password field with a Show button, so a child can check what they typed (WCAG 3.3.8: nothing
 *  to remember or copy by hand). Paste and password managers work as on any password field. The
 *  button appears once JavaScript runs: before, it could do nothing. */
export function PasswordField({
  reveal,
  ...field
}: Omit<ComponentProps<typeof Field>, "type"> & { reveal: RevealWords }) {
  const [shown, setShown] = useState(false);
  // True in the browser once hydrated, false in the server's HTML.
  const ready = useSyncExternalStore(
    noChange,
    () => true,
    () => false,
  );
  const id = field.id ?? field.name;
  return (
    <Field
      {...field}
      type={shown ? "text" : "password"}
      autoCapitalize="none"
      autoCorrect="off"
      spellCheck={false}
      after={
        ready && (
          <button
            type="button"
            aria-controls={id}
            aria-label={shown ? reveal.hidePassword : reveal.showPassword}
            onClick={() => setShown((now) => !now)}
            className="min-w-16 shrink-0 rounded-lg border-2 border-slate-400 bg-white px-3 font-semibold text-slate-800 hover:bg-slate-100"
          >
            {shown ? reveal.hide : reveal.show}
          </button>
        )
      }
    />
  );
}
