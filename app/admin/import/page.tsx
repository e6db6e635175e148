import { Card } from "@/app/components/card";
import { TopNav } from "@/app/components/top-nav";
import { currentUser, requireAdmin } from "@/lib/auth/guards";
import { getMessages } from "@/lib/messages";
import { UploadForm } from "./upload-form";

export async function generateMetadata() {
  const user = await currentUser();
  return user?.role === "admin" ? { title: getMessages().cohort.importHeading } : {};
}

export default async function ImportPage() {
  const admin = await requireAdmin();
  const t = getMessages();
  return (
    <>
      <TopNav links={[{ href: "/admin", label: t.admin.heading }]} name={admin.fullName} />
      <Card title={admin.schoolName} heading={t.cohort.importHeading}>
        <p>{t.cohort.importIntro}</p>
        <UploadForm schoolId={admin.schoolId} />
      </Card>
    </>
  );
}
