import { HashingBusyError } from "@/lib/hash-pool";
import type { FormState } from "@/lib/forms";
import { getMessages } from "@/lib/messages";

/** The hashing queue was full (Auth.js wraps errors thrown in authorize: look at the causes). */
export function isHashingBusy(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    if (e instanceof HashingBusyError) return true;
    const cause = (e as { cause?: unknown }).cause;
    e = (cause as { err?: unknown } | undefined)?.err ?? cause;
  }
  return false;
}

/** Runs a form's work; a full hashing queue becomes a calm message, not a 500. */
export async function unlessBusy(work: () => Promise<FormState>): Promise<FormState> {
  try {
    return await work();
  } catch (error) {
    if (isHashingBusy(error)) return { status: "error", message: getMessages().errors.busy };
    throw error;
  }
}
