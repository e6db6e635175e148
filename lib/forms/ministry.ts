// The ministry's forms (schools and their administrators) and the school switcher. Not checked in
// the browser: the words come back from the action, next to each field.
import { z } from "zod";
import { schoolMessages } from "@/lib/messages/school";

/** The school's forms speak English (lib/messages/school.ts). */
const words = schoolMessages();
import { rowIdField, text } from "./fields";

const t = words.ministry;

const name = text(100, { trim: true });
const schoolId = rowIdField("required");
const loginId = z
  .string({ error: "required" })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, { error: t.invalidLoginId });

export const schoolSchema = z.object({
  name,
  contactEmail: z
    .string({ error: "required" })
    .trim()
    .max(254, { error: "tooLong:254" })
    .pipe(z.email({ error: t.invalidEmail })),
});

export const schoolAdminSchema = z.object({ schoolId, loginId, fullName: name });

export const grantSchoolSchema = z.object({ adminLoginId: loginId, schoolId });

export const adminAccessSchema = z.object({
  adminLoginId: loginId,
  enabled: z.enum(["true", "false"]).transform((value) => value === "true"),
});

export const chooseSchoolSchema = z.object({ schoolId });
