"use client";

/** Needs JavaScript; without it, the browser's own Print does the same. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="w-full rounded-lg bg-brand px-5 py-3 text-lg font-semibold text-white hover:bg-brand-dark sm:w-auto"
    >
      {label}
    </button>
  );
}
