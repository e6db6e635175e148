import { Card } from "@/app/components/card";
import { TopNav } from "@/app/components/top-nav";
import { currentUser, requireAdmin } from "@/lib/auth/guards";
import { schoolClasses } from "@/lib/data/yearly-reset";
import { getMessages } from "@/lib/messages";
import { ResetForm } from "./reset-form";

export async function generateMetadata() {
  const user = await currentUser();
  return user?.role === "admin" ? { title: getMessages().cohort.resetHeading } : {};
}

export default async function YearlyResetPage() {
  const admin = await requireAdmin();
  const classes = await schoolClasses(admin);
  const t = getMessages();
  return (
    <>
      <TopNav links={[{ href: "/admin", label: t.admin.heading }]} name={admin.fullName} />
      <Card title={admin.schoolName} heading={t.cohort.resetHeading}>
        <p>{t.cohort.resetIntro}</p>
        <ResetForm classes={classes} schoolId={admin.schoolId} />
      </Card>
    </>
  );
}
