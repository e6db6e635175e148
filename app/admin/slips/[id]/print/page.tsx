import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { TopNav } from "@/app/components/top-nav";
import { config } from "@/lib/config";
import { currentUser, requireAdmin } from "@/lib/auth/guards";
import { slipProgress } from "@/lib/data/slips";
import { getMessages } from "@/lib/messages";
import { forSlipSet, slipTime } from "../load";
import { SlipsCollector } from "./slips-collector";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata() {
  const user = await currentUser();
  return user?.role === "admin" ? { title: getMessages().cohort.progressHeading } : {};
}

// Printed: the slips only, one to a page; the site's header and this page's menu stay on screen.
const PRINT_CSS = "@media print { body > header, body > a[href='#main'] { display: none !important; } }";

/** The slips' page. Opening it (a GET: a link, a prefetch, another site's link) takes nothing: its
 *  button's POST takes the slips, once, and answers with them. */
export default async function PrintSlipsPage(props: Props) {
  const admin = await requireAdmin();
  const progress = await forSlipSet(props.params, slipProgress);
  // Not made yet, or failed: the progress page says which.
  if (progress.status === "working" || progress.status === "failed") redirect(`/admin/slips/${progress.id}`);
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  const t = getMessages();
  const c = t.cohort;
  const collectedNote =
    progress.status === "collected" ? c.collected(slipTime.format(progress.collectedAt ?? new Date())) : null;
  return (
    <>
      <style nonce={nonce}>{PRINT_CSS}</style>
      <div className="mb-4 space-y-4 print:hidden">
        <TopNav links={[{ href: "/admin", label: t.admin.heading }]} name={admin.fullName} />
        <h1 className="text-2xl font-bold">{c.progressHeading}</h1>
      </div>
      <SlipsCollector
        slipSetId={progress.id}
        collectedNote={collectedNote}
        signInAt={`${config.appUrl}/login`}
      />
    </>
  );
}
