import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { ErrorWordsProvider } from "@/app/components/error-words";
import { LanguageSwitcher } from "@/app/components/language-switcher";
import { getLocale, messagesFor } from "@/lib/messages";
import { LOCALE_TAGS, PATH_HEADER, isSchoolPath, safeBackPath } from "@/lib/messages/locales";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = messagesFor(await getLocale());
  return { title: { default: t.app.name, template: `%s | ${t.app.name}` }, robots: { index: false } };
}
// Every page is rendered per request: its scripts carry this request's CSP nonce.
export const dynamic = "force-dynamic";

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

/** The school's pages mark themselves (app/admin/layout.tsx, `data-desk`): on a desk their column
 *  is wide enough for tables; every other page keeps the column made for a phone. The families'
 *  pages speak the reader's language and offer the others; the school's are English. */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = messagesFor(locale);
  const path = (await headers()).get(PATH_HEADER) ?? "/";
  return (
    <html lang={LOCALE_TAGS[locale]}>
      <body className="group/body">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:m-2 focus:bg-white focus:p-2"
        >
          {t.app.skipToContent}
        </a>
        <header className="bg-brand text-white">
          <div className="mx-auto flex max-w-2xl flex-wrap items-center justify-between gap-2 px-4 py-3 group-has-[[data-desk]]/body:max-w-6xl">
            <p className="text-lg font-bold">{t.app.name}</p>
            {!isSchoolPath(path) && (
              <LanguageSwitcher current={locale} back={safeBackPath(path)} label={t.language.label} />
            )}
          </div>
        </header>
        <main id="main" className="mx-auto max-w-2xl px-4 py-6 group-has-[[data-desk]]/body:max-w-6xl">
          <ErrorWordsProvider
            words={{ generic: t.errors.generic, busy: t.errors.busy, tryAgain: t.errors.tryAgain }}
          >
            {children}
          </ErrorWordsProvider>
        </main>
      </body>
    </html>
  );
}
