import { Card, LinkButton } from "@/app/components/card";
import { requireAdmin } from "@/lib/auth/guards";
import { slipProgress } from "@/lib/data/slips";
import { schoolMessages } from "@/lib/messages";
import { schoolTime } from "@/lib/school/time";
import { loadOr404, parseSlipSetId } from "../../load";
import { adminMetadata } from "../../metadata";

type Props = { params: Promise<{ id: string }> };

export const generateMetadata = adminMetadata((t) => t.cohort.progressHeading);

/** The progress while the temporary passwords are hashed; it reloads itself (no JavaScript
 *  needed) until the slips are ready. */
export default async function SlipProgressPage(props: Props) {
  const admin = await requireAdmin();
  const progress = await loadOr404(props.params, parseSlipSetId, (id) => slipProgress(admin, id));
  const c = schoolMessages().cohort;
  return (
    <>
      {progress.status === "working" && <meta httpEquiv="refresh" content="2" />}
      <Card title={admin.schoolName} heading={c.progressHeading} narrow>
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
                {c.collected(schoolTime.format(progress.collectedAt ?? new Date()))}
              </p>
              <p>{c.collectedHelp}</p>
            </>
          )}
        </div>
      </Card>
    </>
  );
}
