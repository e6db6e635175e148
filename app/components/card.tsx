/** A page's card: the service's title above the page's own heading. `narrow`: a form on a page
 *  made for a desk (app/admin) keeps the width of a phone's column, which reads better. */
export function Card({
  title,
  heading,
  narrow = false,
  children,
}: {
  title?: string;
  heading: string;
  narrow?: boolean;
  children: React.ReactNode;
}) {
  return (
    <section
      className={`space-y-5 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-8 ${narrow ? "max-w-2xl" : ""}`}
    >
      {title && <p className="text-sm font-semibold uppercase tracking-wide text-brand">{title}</p>}
      <h1 className="text-2xl font-bold">{heading}</h1>
      {children}
    </section>
  );
}

export function LinkButton({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <a
      href={href}
      className="inline-block w-full rounded-lg bg-brand px-5 py-3 text-center text-lg font-semibold text-white hover:bg-brand-dark sm:w-auto"
    >
      {children}
    </a>
  );
}

export function TextLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <p>
      <a href={href} className="inline-block py-1 font-semibold text-brand underline underline-offset-4">
        {children}
      </a>
    </p>
  );
}
