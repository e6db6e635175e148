import { Card } from "@/app/components/card";
import { TopNav } from "@/app/components/top-nav";
import { currentUser, requireAdmin } from "@/lib/auth/guards";
import { listLockedAccounts } from "@/lib/data/admin";
import { getMessages } from "@/lib/messages";
import { LockedAccounts } from "./locked-accounts";

/** Only an administrator learns the page's name: anyone else gets the plain 404. */
export async function generateMetadata() {
  const user = await currentUser();
  return user?.role === "admin" ? { title: getMessages().admin.heading } : {};
}

export default async function AdminPage() {
  const admin = await requireAdmin();
  const t = getMessages();
  const locked = await listLockedAccounts(admin);
  const time = new Intl.DateTimeFormat("en-SG", {
    timeStyle: "short",
    dateStyle: "medium",
    timeZone: "Asia/Singapore",
  });
  const rows = locked.map(({ lock, lockedUntil, ...row }) => ({
    ...row,
    lockText:
      lock === "account"
        ? t.admin.lockAccount
        : t.admin.lockTemporary(time.format(lockedUntil ?? new Date())),
  }));
  return (
    <>
      <TopNav links={[{ href: "/change-password", label: t.portal.changePassword }]} name={admin.fullName} />
      <Card title={admin.schoolName} heading={t.admin.heading}>
        <h2 className="text-xl font-bold">{t.admin.lockedHeading}</h2>
        <LockedAccounts rows={rows} />
      </Card>
    </>
  );
}
