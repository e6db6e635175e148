// The school's own settings (app/admin/settings): for now, the guardian's approval, on or off. The
// form also carries the school its page showed (parseFormSchool, lib/forms/cohort.ts).
import { z } from "zod";

export const guardianApprovalSchema = z.object({
  enabled: z.enum(["true", "false"], { error: "required" }).transform((value) => value === "true"),
});
