import { Card, LinkButton } from "@/app/components/card";
import { TopNav } from "@/app/components/top-nav";
import { currentUser, requireAdmin } from "@/lib/auth/guards";
import { slipProgress } from "@/lib/data/slips";
import { getMessages } from "@/lib/messages";
import { forSlipSet, slipTime } from "./load";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata() {
  const user = await currentUser();
  return user?.role === "admin" ? { title: getMessages().cohort.progressHeading } : {};
}

/** The progress while the temporary passwords are hashed; it reloads itself (no JavaScript
 *  needed) until the slips are ready. */
export default async function SlipProgressPage(props: Props) {
  const admin = await requireAdmin();
  const progress = await forSlipSet(props.params, slipProgress);
  const t = getMessages();
  const c = t.cohort;
  return (
    <>
      {progress.status === "working" && <meta httpEquiv="refresh" content="2" />}
      <TopNav links={[{ href: "/admin", label: t.admin.heading }]} name={admin.fullName} />
      <Card title={admin.schoolName} heading={c.progressHeading}>
        <p>
          <span className="font-semibold">{c.kinds[progress.kind]}:</span>{" "}
          <span className="break-all">{progress.scope}</span>
        </p>
        <div className="space-y-2">
          <label htmlFor="slip-progress" className="block font-semibold">
            {c.progressLabel}
          </label>
          <progress
            id="slip-progress"
            max={progress.total}
            value={progress.done}
            aria-describedby="slip-count"
            className="h-4 w-full"
          />
          <p id="slip-count" role="status" aria-live="polite">
            {c.progressCount(progress.done, progress.total)}
          </p>
        </div>
        <div aria-live="polite" className="space-y-3">
          {progress.status === "working" && <p>{c.working}</p>}
          {progress.status === "failed" && (
            <p className="rounded-lg bg-red-50 p-3 font-semibold text-red-800">{c.failed}</p>
          )}
          {progress.status === "ready" && (
            <>
              <p className="rounded-lg bg-green-50 p-3 font-semibold text-green-900">{c.slipsReady}</p>
              <LinkButton href={`/admin/slips/${progress.id}/print`}>{c.openSlips}</LinkButton>
            </>
          )}
          {progress.status === "collected" && (
            <>
              <p className="font-semibold">
                {c.collected(slipTime.format(progress.collectedAt ?? new Date()))}
              </p>
              <p>{c.collectedHelp}</p>
            </>
          )}
        </div>
      </Card>
    </>
  );
}
