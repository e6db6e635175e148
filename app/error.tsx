"use client";
import { useErrorWords } from "@/app/components/error-words";

/** When a request fails (a 429 or 503 to a form sent by script, a lost connection), say so
 *  plainly and offer to try again. The error itself is never shown: it may hold details. */
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useErrorWords();
  return (
    <section role="alert" className="space-y-4 rounded-2xl bg-white p-5 ring-1 ring-slate-200">
      <h1 className="text-2xl font-bold">{t.generic}</h1>
      <p>{t.busy}</p>
      <button
        type="button"
        onClick={reset}
        className="rounded-lg bg-brand px-5 py-3 font-semibold text-white"
      >
        {t.tryAgain}
      </button>
    </section>
  );
}
