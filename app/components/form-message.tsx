"use client";
import { useEffect, useRef } from "react";

type Shown = { status: string; message?: string; fieldErrors?: Record<string, string> };

/** What a form's answer says above the form. With `summary` (the families' forms), a refused post
 *  shows an error summary, as GOV.UK's forms do: a heading, the message, and a link to each field
 *  with its error; focus moves to it, so a screen reader reads it and a keyboard starts there. */
export function FormMessage({
  state,
  summary,
  focusKey = state,
}: {
  state: Shown;
  summary?: string;
  /** Changes once per answer to a submit (default: the action's state): focus moves then only,
   *  never while the reader types. */
  focusKey?: unknown;
}) {
  const box = useRef<HTMLDivElement>(null);
  const errors = Object.entries(state.fieldErrors ?? {});
  const summarised =
    summary !== undefined && state.status === "error" && (errors.length > 0 || !!state.message);
  useEffect(() => {
    if (summarised) box.current?.focus();
  }, [focusKey, summarised]);
  if (summarised) {
    return (
      <div
        ref={box}
        tabIndex={-1}
        aria-labelledby="error-summary-heading"
        className="space-y-2 rounded-lg border-4 border-red-700 bg-red-50 p-4 text-red-900 focus:outline focus:outline-3 focus:outline-offset-2 focus:outline-amber-400"
      >
        <h2 id="error-summary-heading" className="text-lg font-bold">
          {summary}
        </h2>
        {state.message && <p className="font-semibold">{state.message}</p>}
        {errors.length > 0 && (
          <ul className="list-disc space-y-1 pl-5">
            {errors.map(([field, error]) => (
              <li key={field}>
                <a href={`#${field}`} className="font-semibold underline underline-offset-2">
                  {error}
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  return (
    <div aria-live="polite" className="min-h-6">
      {state.message && (
        <p
          className={`rounded-lg p-3 font-semibold ${state.status === "error" ? "bg-red-50 text-red-800" : "bg-green-50 text-green-900"}`}
        >
          {state.message}
        </p>
      )}
    </div>
  );
}
