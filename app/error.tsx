"use client";
import { getMessages } from "@/lib/messages";

/** When a request fails (a 429 or 503 to a form sent by script, a lost connection), say so
 *  plainly and offer to try again. The error itself is never shown: it may hold details. */
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = getMessages();
  return (
    <section role="alert" className="space-y-4 rounded-2xl bg-white p-5 ring-1 ring-slate-200">
      <h1 className="text-2xl font-bold">{t.errors.generic}</h1>
      <p>{t.errors.busy}</p>
      <button
        type="button"
        onClick={reset}
        className="rounded-lg bg-brand px-5 py-3 font-semibold text-white"
      >
        {t.errors.tryAgain}
      </button>
    </section>
  );
}
