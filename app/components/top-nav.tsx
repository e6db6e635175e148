import { getMessages } from "@/lib/messages";
import { logOut } from "./log-out";

type NavLink = { href: string; label: string };

/** The signed-in menu: the page's links and Log Out. */
export function TopNav({ links, name }: { links: NavLink[]; name: string }) {
  const t = getMessages().portal;
  return (
    <nav aria-label={t.menu} className="mb-6 space-y-3 rounded-2xl bg-white p-4 ring-1 ring-slate-200">
      <p className="font-semibold">{t.welcome(name)}</p>
      <div className="flex flex-wrap items-center gap-3">
        {links.map((link) => (
          <a
            key={link.href}
            href={link.href}
            className="rounded-lg px-3 py-2 font-semibold text-brand underline underline-offset-4 hover:bg-brand-light"
          >
            {link.label}
          </a>
        ))}
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

export function portalLinks(): NavLink[] {
  const t = getMessages().portal;
  return [
    { href: "/setup-questions", label: t.setupQuestions },
    { href: "/change-password", label: t.changePassword },
  ];
}
