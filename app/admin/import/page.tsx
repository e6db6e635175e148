import { Card } from "@/app/components/card";
import { requireAdmin } from "@/lib/auth/guards";
import { schoolMessages } from "@/lib/messages";
import { adminMetadata } from "../metadata";
import { UploadForm } from "./upload-form";

export const generateMetadata = adminMetadata((t) => t.cohort.importHeading);

export default async function ImportPage() {
  const admin = await requireAdmin();
  const t = schoolMessages();
  return (
    <Card title={admin.schoolName} heading={t.cohort.importHeading} narrow>
      <p>{t.cohort.importIntro}</p>
      <UploadForm schoolId={admin.schoolId} />
    </Card>
  );
}
