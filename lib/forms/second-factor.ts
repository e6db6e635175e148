// The second factor's forms, one zod schema each, shared by the browser's resolver and the server
// action. Client-safe: the codes are checked against the secret only in lib/data/second-factor.ts.
import { z } from "zod";
import { schoolMessages } from "@/lib/messages/school";

/** The school's forms speak English (lib/messages/school.ts). */
const words = schoolMessages();

const t = words.secondFactor;
// Spaces (and, in a recovery code, dashes) a person may type are dropped before the check.
const squeezed = (drop: RegExp) =>
  z
    .string({ error: "required" })
    .max(64, { error: "tooLong:64" })
    .transform((value) => value.replace(drop, ""));

export const totpCodeSchema = z.object({
  code: squeezed(/\s+/g).pipe(z.string().regex(/^\d{6}$/, { error: t.codeInvalid })),
});

export const recoveryCodeSchema = z.object({
  recoveryCode: squeezed(/[\s-]+/g).pipe(z.string().regex(/^[a-z0-9]{10}$/i, { error: t.recoveryInvalid })),
});
