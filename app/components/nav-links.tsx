"use client";
import { usePathname } from "next/navigation";

export type NavLink = { href: string; label: string };

/** A menu's links; the page being shown is marked for screen readers (`aria-current`) and by eye. */
export function NavLinks({ links }: { links: NavLink[] }) {
  const pathname = usePathname();
  return links.map((link) => (
    <a
      key={link.href}
      href={link.href}
      aria-current={pathname === link.href ? "page" : undefined}
      className="rounded-lg px-3 py-2 font-semibold text-brand underline underline-offset-4 hover:bg-brand-light aria-[current=page]:bg-brand-light"
    >
      {link.label}
    </a>
  ));
}
