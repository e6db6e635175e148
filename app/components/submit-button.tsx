"use client";
import { useFormStatus } from "react-dom";

export function SubmitButton({
  children,
  variant = "primary",
  ...rest
}: {
  children: React.ReactNode;
  variant?: "primary" | "secondary";
} & React.ButtonHTMLAttributes<HTMLButtonElement>) {
  const { pending } = useFormStatus();
  const style =
    variant === "primary"
      ? "bg-brand text-white hover:bg-brand-dark"
      : "border-2 border-brand bg-white text-brand hover:bg-brand-light";
  return (
    <button
      type="submit"
      aria-disabled={pending || undefined}
      className={`w-full rounded-lg px-5 py-3 text-lg font-semibold sm:w-auto ${style}`}
      {...rest}
    >
      {children}
    </button>
  );
}
