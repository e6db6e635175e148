import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { TopNav } from "@/app/components/top-nav";
import { config } from "@/lib/config";
import { currentUser, requireAdmin } from "@/lib/auth/guards";
import { collectSlips } from "@/lib/data/slips";
import { getMessages } from "@/lib/messages";
import { clientInfo } from "@/lib/request";
import { forSlipSet } from "../load";
import { PrintButton } from "./print-button";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata() {
  const user = await currentUser();
  return user?.role === "admin" ? { title: getMessages().cohort.progressHeading } : {};
}

// Printed: the slips only, one to a page; the site's header and this page's menu stay on screen.
const PRINT_CSS = "@media print { body > header, body > a[href='#main'] { display: none !important; } }";

/** The slips, once: opening this page takes them (a second visit finds them collected). */
export default async function PrintSlipsPage(props: Props) {
  const admin = await requireAdmin();
  const client = await clientInfo();
  const collected = await forSlipSet(props.params, (actor, id) => collectSlips(actor, id, client));
  // Not ready, or already taken: the progress page says which, and when.
  if (collected.status !== "slips") redirect(`/admin/slips/${collected.progress.id}`);
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  const t = getMessages();
  const c = t.cohort;
  const signInAt = `${config.appUrl}/login`;
  const slips = collected.slips;
  return (
    <>
      <style nonce={nonce}>{PRINT_CSS}</style>
      <div className="space-y-4 print:hidden">
        <TopNav links={[{ href: "/admin", label: t.admin.heading }]} name={admin.fullName} />
        <h1 className="text-2xl font-bold">{c.progressHeading}</h1>
        <p className="rounded-lg bg-amber-50 p-3 font-semibold">{c.printIntro(slips.length)}</p>
        <PrintButton />
      </div>
      <ol className="mt-6 space-y-6 print:mt-0 print:space-y-0" aria-label={c.progressHeading}>
        {slips.map((slip) => (
          <li
            key={slip.loginId}
            className="break-inside-avoid rounded-xl border-2 border-slate-400 bg-white p-5 print:break-after-page print:rounded-none print:border-0"
          >
            <article aria-label={slip.fullName} className="space-y-3">
              <h2 className="text-xl font-bold">{c.slipHeading}</h2>
              <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr] print:grid-cols-[auto_1fr]">
                <dt className="font-semibold">{c.slipName}</dt>
                <dd className="break-words">{slip.fullName}</dd>
                <dt className="font-semibold">{c.slipClass}</dt>
                <dd className="break-words">{slip.className ?? "—"}</dd>
                <dt className="font-semibold">{c.slipLoginId}</dt>
                <dd className="break-all font-mono text-lg">{slip.loginId}</dd>
                <dt className="font-semibold">{c.slipPassword}</dt>
                <dd className="break-all font-mono text-lg" data-testid="slip-password">
                  {slip.temporaryPassword}
                </dd>
                <dt className="font-semibold">{c.slipWhere}</dt>
                <dd className="break-all">{signInAt}</dd>
              </dl>
              <p>{c.slipReminder}</p>
            </article>
          </li>
        ))}
      </ol>
    </>
  );
}
