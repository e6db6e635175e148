import { getMessages, type Messages } from "@/lib/messages";
import { logOut } from "../../lib/auth/log-out";
import { NavLinks, type NavLink } from "./nav-links";

/** The signed-in menu: the page's links and Log Out. */
export async function TopNav({
  links,
  name,
  className = "",
}: {
  links: NavLink[];
  name: string;
  className?: string;
}) {
  const t = (await getMessages()).portal;
  return (
    <nav
      aria-label={t.menu}
      className={`mb-6 space-y-3 rounded-2xl bg-white p-4 ring-1 ring-slate-200 ${className}`}
    >
      <p className="font-semibold">{t.welcome(name)}</p>
      <div className="flex flex-wrap items-center gap-3">
        <NavLinks links={links} />
        <form action={logOut} className="ml-auto">
          <button
            type="submit"
            className="rounded-lg border-2 border-slate-400 px-4 py-2 font-semibold hover:bg-slate-100"
          >
            {t.logOut}
          </button>
        </form>
      </div>
    </nav>
  );
}

export function portalLinks(t: Messages["portal"]): NavLink[] {
  return [
    { href: "/setup-questions", label: t.setupQuestions },
    { href: "/change-password", label: t.changePassword },
  ];
}
