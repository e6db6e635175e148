import { Card } from "@/app/components/card";
import { requireAdmin } from "@/lib/auth/guards";
import { schoolSettings } from "@/lib/data/school-settings";
import { schoolMessages } from "@/lib/messages";
import { adminMetadata } from "../metadata";
import { GuardianApprovalForm } from "./guardian-approval-form";

export const generateMetadata = adminMetadata((t) => t.admin.settings.heading);

export default async function SchoolSettingsPage() {
  const admin = await requireAdmin();
  const settings = await schoolSettings(admin);
  const t = schoolMessages().admin.settings;
  return (
    <Card title={settings.schoolName} heading={t.heading} narrow>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="font-semibold">{t.contactEmail}</dt>
        <dd className="break-all">{settings.contactEmail}</dd>
      </dl>
      <GuardianApprovalForm schoolId={settings.schoolId} enabled={settings.guardianApproval} />
    </Card>
  );
}
