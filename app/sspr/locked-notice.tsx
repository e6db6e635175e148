import { SelectField } from "@/app/components/field";
import { config } from "@/lib/server/config";
import type { SchoolContact } from "@/lib/data/schools";
import { getMessages } from "@/lib/messages";

type Props = { kind: "locked" | "accountLocked"; contacts: SchoolContact[]; schoolId?: number };

/** Says the account is locked and how to reach the school, without revealing which school the
 *  Login ID belongs to: one school shows its address, several offer a picker. */
export async function LockedNotice({ kind, contacts, schoolId }: Props) {
  const t = (await getMessages()).locked;
  const chosen = contacts.length === 1 ? contacts[0] : contacts.find((c) => c.id === schoolId);
  return (
    <div className="space-y-4">
      <p role="alert" className="rounded-lg border-2 border-red-700 bg-red-50 p-4 font-semibold text-red-900">
        {kind === "accountLocked" ? t.account : t.temporaryMinutes(config.lockout.lockMinutes)}
      </p>
      <p>{t.ask}</p>
      {contacts.length > 1 && (
        <form method="get" action="/sspr/challenge" className="space-y-2">
          <SelectField
            name="school"
            label={t.pickSchool}
            defaultValue={chosen?.id ?? ""}
            options={[
              { value: "", label: t.school },
              ...contacts.map((c) => ({ value: c.id, label: c.name })),
            ]}
          />
          <button
            type="submit"
            className="rounded-lg border-2 border-brand px-4 py-2 font-semibold text-brand"
          >
            {t.show}
          </button>
        </form>
      )}
      {chosen && (
        <p className="text-lg">
          {chosen.name}:{" "}
          <a
            href={`mailto:${chosen.contactEmail}`}
            className="font-semibold text-brand underline underline-offset-4"
          >
            {chosen.contactEmail}
          </a>
        </p>
      )}
      <p>{t.thanks}</p>
    </div>
  );
}
