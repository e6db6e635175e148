import { RateLimitedError } from "@/lib/limits/attempts";
import { HashingBusyError } from "@/lib/crypto/hash-pool";
import type { FormState } from "@/lib/forms";
import { getMessages } from "@/lib/messages";

/** The causes of an error (Auth.js wraps errors thrown in authorize). */
function* causes(error: unknown): Generator<unknown> {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    yield e;
    const cause = (e as { cause?: unknown }).cause;
    e = (cause as { err?: unknown } | undefined)?.err ?? cause;
  }
}

/** The hashing queue was full. */
export function isHashingBusy(error: unknown): boolean {
  for (const e of causes(error)) if (e instanceof HashingBusyError) return true;
  return false;
}

function rateLimitOf(error: unknown): RateLimitedError | undefined {
  for (const e of causes(error)) if (e instanceof RateLimitedError) return e;
  return undefined;
}

/** Runs a form's work; a full hashing queue or too many tries from this address become a calm
 *  message next to the form, not a 500. */
export async function unlessBusy(work: () => Promise<FormState>): Promise<FormState> {
  try {
    return await work();
  } catch (error) {
    const t = await getMessages();
    if (isHashingBusy(error)) return { status: "error", message: t.errors.busy };
    const limited = rateLimitOf(error);
    if (limited) {
      return {
        status: "error",
        message: t.rateLimit.text(Math.max(1, Math.ceil(limited.retryAfterSeconds / 60))),
      };
    }
    throw error;
  }
}
