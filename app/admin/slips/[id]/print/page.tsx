import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { config } from "@/lib/server/config";
import { requireAdmin } from "@/lib/auth/guards";
import { slipProgress } from "@/lib/data/slips";
import { schoolMessages } from "@/lib/messages";
import { schoolTime } from "@/lib/school/time";
import { loadOr404, parseSlipSetId } from "../../../load";
import { adminMetadata } from "../../../metadata";
import { SlipsCollector } from "./slips-collector";

type Props = { params: Promise<{ id: string }> };

export const generateMetadata = adminMetadata((t) => t.cohort.progressHeading);

// Printed: the slips only, one to a page; the site's header and the menu (app/admin/layout.tsx,
// print:hidden) stay on screen.
const PRINT_CSS = "@media print { body > header, body > a[href='#main'] { display: none !important; } }";

/** The slips' page. Opening it (a GET: a link, a prefetch, another site's link) takes nothing: its
 *  button's POST takes the slips, once, and answers with them. */
export default async function PrintSlipsPage(props: Props) {
  const admin = await requireAdmin();
  const progress = await loadOr404(props.params, parseSlipSetId, (id) => slipProgress(admin, id));
  // Not made yet, or failed: the progress page says which.
  if (progress.status === "working" || progress.status === "failed") redirect(`/admin/slips/${progress.id}`);
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  const c = schoolMessages().cohort;
  const collectedNote =
    progress.status === "collected"
      ? c.collected(schoolTime.format(progress.collectedAt ?? new Date()))
      : null;
  return (
    <>
      <style nonce={nonce}>{PRINT_CSS}</style>
      {/* A slip keeps the width of a phone's column on a desk's screen too. */}
      <div className="max-w-2xl">
        <h1 className="mb-4 text-2xl font-bold print:hidden">{c.progressHeading}</h1>
        <SlipsCollector
          slipSetId={progress.id}
          collectedNote={collectedNote}
          signInAt={`${config.appUrl}/login`}
        />
      </div>
    </>
  );
}
