import { Card } from "@/app/components/card";
import { NewPasswordForm } from "@/app/components/new-password-form";
import { TopNav, portalLinks } from "@/app/components/top-nav";
import { teacherLinks } from "@/app/teacher/links";
import { requireSignedIn } from "@/lib/auth/guards";
import { passwordContextOf } from "@/lib/data/users";
import { getMessages, pageTitle } from "@/lib/messages";
import { newPasswordWords } from "@/lib/messages/policy";
import { changePassword } from "./actions";

export const generateMetadata = pageTitle((t) => t.changePassword.heading);

export default async function ChangePasswordPage() {
  const user = await requireSignedIn();
  const t = await getMessages();
  // The school's staff have their own menus (in English, as their pages are).
  const links =
    user.role === "admin"
      ? [{ href: "/admin", label: t.admin.heading }]
      : user.role === "teacher"
        ? teacherLinks()
        : portalLinks(t.portal);
  const mustChange = {
    admin: t.changePassword.mustChangeAdmin,
    teacher: t.changePassword.mustChangeTeacher,
    student: t.changePassword.mustChange,
  }[user.role];
  return (
    <>
      <TopNav links={user.mustChangePassword ? [] : links} name={user.fullName} />
      <Card title={t.app.ssprTitle} heading={t.changePassword.heading}>
        {user.mustChangePassword && (
          <p role="status" className="rounded-lg border-2 border-amber-500 bg-amber-50 p-3 font-semibold">
            {mustChange}
          </p>
        )}
        <p>{t.changePassword.intro}</p>
        <NewPasswordForm
          context={passwordContextOf(user)}
          action={changePassword}
          askCurrent
          t={newPasswordWords(t)}
        />
      </Card>
    </>
  );
}
