import { Pager } from "@/app/components/pager";
import { Field, SelectField } from "@/app/components/field";
import { STUDENT_FILTERS, type StudentPage, type StudentSearch } from "@/lib/data/students";
import { schoolMessages } from "@/lib/messages";

const pageHref = (search: StudentSearch, page: number) =>
  `/admin?${new URLSearchParams({ q: search.query, filter: search.filter, page: String(page) })}#results`;

/** A plain GET form and links: it works before JavaScript loads, and a result page can be shared
 *  between the school's administrators. */
export function FindStudents({ search, found }: { search: StudentSearch; found: StudentPage }) {
  const t = schoolMessages().admin;
  return (
    <section aria-labelledby="find-heading" className="space-y-4">
      <h2 id="find-heading" className="text-xl font-bold">
        {t.findHeading}
      </h2>
      <form method="get" action="/admin" className="space-y-3">
        <Field
          name="q"
          label={t.search}
          hint={t.searchHint}
          type="search"
          defaultValue={search.query}
          maxLength={100}
        />
        <SelectField
          name="filter"
          label={t.show}
          defaultValue={search.filter}
          options={STUDENT_FILTERS.map((filter) => ({ value: filter, label: t.filters[filter] }))}
        />
        <button
          type="submit"
          className="w-full rounded-lg bg-brand px-5 py-3 text-lg font-semibold text-white hover:bg-brand-dark sm:w-auto"
        >
          {t.searchButton}
        </button>
      </form>
      <div id="results" className="space-y-3">
        <p role="status">
          {t.found(found.total)} {found.pages > 1 && t.pageOf(found.page, found.pages)}
        </p>
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-300">
          {found.rows.map((row) => (
            <li key={row.id} className="p-3">
              <a
                href={`/admin/students/${row.id}`}
                className="font-semibold text-brand underline underline-offset-4"
              >
                {row.fullName}
              </a>
              <p className="text-sm text-slate-700">
                {[
                  row.loginId,
                  row.className,
                  row.locked && t.filters.locked,
                  !row.questionsSetUp && t.filters.noQuestions,
                  row.mustChangePassword && t.mustChange,
                  row.status === "disabled" && t.disabled,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
            </li>
          ))}
        </ul>
        <Pager page={found.page} pages={found.pages} href={(page) => pageHref(search, page)} />
      </div>
    </section>
  );
}
