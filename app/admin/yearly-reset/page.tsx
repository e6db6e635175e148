import { Card } from "@/app/components/card";
import { requireAdmin } from "@/lib/auth/guards";
import { schoolClasses } from "@/lib/data/yearly-reset";
import { schoolMessages } from "@/lib/messages";
import { adminMetadata } from "../metadata";
import { ResetForm } from "./reset-form";

export const generateMetadata = adminMetadata((t) => t.cohort.resetHeading);

export default async function YearlyResetPage() {
  const admin = await requireAdmin();
  const classes = await schoolClasses(admin);
  const t = schoolMessages();
  return (
    <Card title={admin.schoolName} heading={t.cohort.resetHeading} narrow>
      <p>{t.cohort.resetIntro}</p>
      <ResetForm classes={classes} schoolId={admin.schoolId} />
    </Card>
  );
}
