// The yearly reset's form: the scope ("school", or "class:" and a class name) and the typed word.
import { z } from "zod";
import { getMessages } from "@/lib/messages";

const t = getMessages().cohort;

export const yearlyResetSchema = z.object({
  scope: z
    .string({ error: t.chooseScopeError })
    .max(100, { error: t.chooseScopeError })
    .refine((value) => value === "school" || /^class:.+$/s.test(value), { error: t.chooseScopeError })
    .transform((value) => (value === "school" ? null : value.slice("class:".length))),
  confirm: z
    .string({ error: t.confirmWrong })
    .transform((value) => value.trim())
    .refine((value) => value === t.confirmWord, { error: t.confirmWrong }),
});
