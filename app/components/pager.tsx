import { schoolMessages } from "@/lib/messages";

/** Previous and next links of a list shown a page at a time: plain links, so they work before
 *  JavaScript loads and a page can be shared. Nothing when everything fits on one page. */
export function Pager({
  page,
  pages,
  href,
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
}) {
  const t = schoolMessages().admin;
  if (pages <= 1) return null;
  return (
    <nav aria-label={t.pageOf(page, pages)} className="flex justify-between gap-3">
      {page > 1 ? (
        <a href={href(page - 1)} className="font-semibold text-brand underline">
          {t.previous}
        </a>
      ) : (
        <span />
      )}
      {page < pages && (
        <a href={href(page + 1)} className="font-semibold text-brand underline">
          {t.next}
        </a>
      )}
    </nav>
  );
}
