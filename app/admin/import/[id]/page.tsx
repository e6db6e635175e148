import { Card, TextLink } from "@/app/components/card";
import { requireAdmin } from "@/lib/auth/guards";
import { importPreview } from "@/lib/data/import";
import { schoolMessages } from "@/lib/messages";
import { parseRowId } from "@/lib/forms/row-id";
import { loadOr404 } from "../../load";
import { adminMetadata } from "../../metadata";
import { ConfirmForm } from "./confirm-form";

type Props = { params: Promise<{ id: string }> };

export const generateMetadata = adminMetadata((t) => t.cohort.previewHeading);

/** Another school's import and a made-up id are the same 404. */
export default async function PreviewPage(props: Props) {
  const admin = await requireAdmin();
  const preview = await loadOr404(props.params, parseRowId, (id) => importPreview(admin, id));
  const t = schoolMessages();
  const c = t.cohort;
  const bad = preview.problems.length;
  return (
    <Card title={admin.schoolName} heading={c.previewHeading}>
      <p>
        <span className="font-semibold">{c.fileName}:</span>{" "}
        <span className="break-all">{preview.fileName}</span>
      </p>
      <p role="status">{c.counts(preview.validRows, preview.totalRows)}</p>
      {bad > 0 && (
        <section aria-labelledby="problems-heading" className="space-y-3">
          <h2 id="problems-heading" className="text-xl font-bold">
            {c.problemsHeading}
          </h2>
          <p className="rounded-lg bg-red-50 p-3 font-semibold text-red-800">{c.problemsIntro(bad)}</p>
          <table className="w-full text-left">
            <thead>
              <tr>
                <th scope="col" className="w-16 py-2 pr-3">
                  {c.row}
                </th>
                <th scope="col" className="py-2">
                  {c.reasonsColumn}
                </th>
              </tr>
            </thead>
            <tbody>
              {preview.problems.map((problem) => (
                <tr key={problem.line} className="border-t border-slate-200 align-top">
                  <th scope="row" className="py-2 pr-3 font-semibold">
                    {problem.line}
                  </th>
                  <td className="py-2">
                    <ul className="list-disc space-y-1 pl-5">
                      {problem.reasons.map((reason) => (
                        <li key={reason}>{c.reasons[reason] ?? reason}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {bad === 0 && preview.status === "preview" && (
        <>
          <p>{c.allCorrect(preview.validRows)}</p>
          <ConfirmForm batchId={preview.id} schoolId={admin.schoolId} />
        </>
      )}
      {preview.slipSetId !== null && (
        <>
          <p>{c.alreadyConfirmed}</p>
          <TextLink href={`/admin/slips/${preview.slipSetId}`}>{c.showProgress}</TextLink>
        </>
      )}
      {(bad > 0 || preview.status === "failed") && <TextLink href="/admin/import">{c.uploadAgain}</TextLink>}
    </Card>
  );
}
