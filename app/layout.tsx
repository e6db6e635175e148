import type { Metadata, Viewport } from "next";
import { ErrorWordsProvider } from "@/app/components/error-words";
import { getMessages } from "@/lib/messages";
import "./globals.css";

const t = getMessages();

export const metadata: Metadata = {
  title: { default: t.app.name, template: `%s | ${t.app.name}` },
  robots: { index: false },
};
// Every page is rendered per request: its scripts carry this request's CSP nonce.
export const dynamic = "force-dynamic";

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

/** The school's pages mark themselves (app/admin/layout.tsx, `data-desk`): on a desk their column
 *  is wide enough for tables; every other page keeps the column made for a phone. */
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="group/body">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:m-2 focus:bg-white focus:p-2"
        >
          {t.app.skipToContent}
        </a>
        <header className="bg-brand text-white">
          <p className="mx-auto max-w-2xl px-4 py-3 text-lg font-bold group-has-[[data-desk]]/body:max-w-6xl">
            {t.app.name}
          </p>
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
