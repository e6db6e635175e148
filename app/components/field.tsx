import type { InputHTMLAttributes } from "react";

export { FormMessage } from "./form-message";

type FieldProps = {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  /** Beside the input, on its line (the password fields' Show button). */
  after?: React.ReactNode;
} & InputHTMLAttributes<HTMLInputElement>;

/** A labelled input with its hint, and an error region that screen readers announce. */
export function Field({ name, label, hint, error, after, id = name, ...input }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = `${id}-error`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      <div className="flex items-stretch gap-2">
        <input
          id={id}
          name={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={[hintId, errorId].filter(Boolean).join(" ")}
          className="block w-full min-w-0 rounded-lg border-2 border-slate-400 bg-white px-3 py-3 text-lg focus:border-brand aria-[invalid=true]:border-red-700"
          {...input}
        />
        {after}
      </div>
      <FieldError id={errorId} error={error} />
    </div>
  );
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  return (
    <p id={id} aria-live="polite" className="min-h-5 text-sm font-semibold text-red-800">
      {error}
    </p>
  );
}

type SelectFieldProps = {
  name: string;
  label: string;
  options: { value: string | number; label: string }[];
} & React.SelectHTMLAttributes<HTMLSelectElement>;

/** A labelled drop-down, for the forms that need no error next to it (GET forms). */
export function SelectField({ name, label, options, id = name, ...select }: SelectFieldProps) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <select
        id={id}
        name={name}
        className="block w-full rounded-lg border-2 border-slate-400 bg-white px-3 py-3 text-lg"
        {...select}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
