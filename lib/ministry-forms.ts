// The ministry's forms (schools and their administrators) and the school switcher, parsed with
// zod on the server: limits first, then the rules; the words come from the messages module.
import { z } from "zod";
import { en } from "./messages/en";
import { ROW_ID_MAX } from "./forms";

const m = en.errors;
const t = en.ministry;
const noControl = (value: string) => !/\p{Cc}/u.test(value);

const name = z
  .string({ error: m.required })
  .trim()
  .min(1, { error: m.required })
  .max(100, { error: m.tooLong(100) })
  .refine(noControl, { error: m.invalid });
const schoolId = z.coerce.number({ error: m.required }).int().positive().max(ROW_ID_MAX);
const loginId = z
  .string({ error: m.required })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, { error: t.invalidLoginId });

export const schoolSchema = z.object({
  name,
  contactEmail: z
    .string({ error: m.required })
    .trim()
    .max(254, { error: m.tooLong(254) })
    .pipe(z.email({ error: t.invalidEmail })),
});

export const schoolAdminSchema = z.object({ schoolId, loginId, fullName: name });

export const grantSchoolSchema = z.object({ adminLoginId: loginId, schoolId });

export const adminAccessSchema = z.object({
  adminLoginId: loginId,
  enabled: z.enum(["true", "false"]).transform((value) => value === "true"),
});

export const chooseSchoolSchema = z.object({ schoolId });
