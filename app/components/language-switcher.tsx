import { LOCALES, LOCALE_NAMES, LOCALE_TAGS, type Locale } from "@/lib/messages/locales";

/** Every family page's language switcher: each language named in itself, one button each, a
 *  plain form (app/language/route.ts) that works without JavaScript. */
export function LanguageSwitcher({ current, back, label }: { current: Locale; back: string; label: string }) {
  return (
    <form method="post" action="/language" aria-label={label} className="flex flex-wrap gap-1">
      <input type="hidden" name="back" value={back} />
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="lang"
          value={locale}
          lang={LOCALE_TAGS[locale]}
          aria-current={locale === current ? "true" : undefined}
          className="min-h-11 rounded-md px-3 py-2 text-sm font-semibold underline-offset-4 hover:underline focus-visible:outline focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-white aria-[current=true]:bg-white aria-[current=true]:text-brand"
        >
          {LOCALE_NAMES[locale]}
        </button>
      ))}
    </form>
  );
}
