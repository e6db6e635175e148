"use client";
import { useActionState } from "react";
import { Field, FormMessage, SelectField } from "@/app/components/field";
import { SubmitButton } from "@/app/components/submit-button";
import { IDLE } from "@/lib/forms/state";
import { schoolMessages } from "@/lib/messages/school";
import { addSchool, addSchoolAdmin, changeAdminAccess, giveSchool } from "./actions";

type School = { id: number; name: string };

export function AddSchoolForm() {
  const t = schoolMessages().ministry;
  const [state, action] = useActionState(addSchool, IDLE);
  return (
    <form action={action} className="space-y-3" aria-labelledby="add-school-heading">
      <h2 id="add-school-heading" className="text-xl font-bold">
        {t.addSchoolHeading}
      </h2>
      <FormMessage state={state} />
      <Field name="name" label={t.schoolName} maxLength={100} required error={state.fieldErrors?.name} />
      <Field
        name="contactEmail"
        label={t.contactEmail}
        type="email"
        maxLength={254}
        required
        error={state.fieldErrors?.contactEmail}
      />
      <SubmitButton>{t.addSchool}</SubmitButton>
    </form>
  );
}

export function AddAdminForm({ schools }: { schools: School[] }) {
  const t = schoolMessages().ministry;
  const [state, action] = useActionState(addSchoolAdmin, IDLE);
  return (
    <form action={action} className="space-y-3" aria-labelledby="add-admin-heading">
      <h2 id="add-admin-heading" className="text-xl font-bold">
        {t.addAdminHeading}
      </h2>
      <div aria-live="polite" className="space-y-2">
        <FormMessage state={state} />
        {state.generated && (
          <p
            className="break-all rounded-lg border-2 border-brand p-3 font-mono text-xl"
            data-testid="admin-password"
          >
            {state.generated}
          </p>
        )}
      </div>
      <SelectField
        id="admin-schoolId"
        name="schoolId"
        label={t.school}
        options={schools.map((s) => ({ value: s.id, label: s.name }))}
      />
      <Field
        id="admin-loginId"
        name="loginId"
        label={t.loginId}
        maxLength={64}
        required
        error={state.fieldErrors?.loginId}
      />
      <Field
        name="fullName"
        label={t.fullName}
        maxLength={100}
        required
        error={state.fieldErrors?.fullName}
      />
      <SubmitButton>{t.addAdmin}</SubmitButton>
    </form>
  );
}

export function GrantSchoolForm({ schools }: { schools: School[] }) {
  const t = schoolMessages().ministry;
  const [state, action] = useActionState(giveSchool, IDLE);
  return (
    <form action={action} className="space-y-3" aria-labelledby="grant-heading">
      <h2 id="grant-heading" className="text-xl font-bold">
        {t.grantHeading}
      </h2>
      <FormMessage state={state} />
      <Field
        name="adminLoginId"
        label={t.adminLoginId}
        maxLength={64}
        required
        error={state.fieldErrors?.adminLoginId}
      />
      <SelectField
        id="grant-schoolId"
        name="schoolId"
        label={t.school}
        options={schools.map((s) => ({ value: s.id, label: s.name }))}
      />
      <SubmitButton>{t.grant}</SubmitButton>
    </form>
  );
}

export function AdminAccessForm() {
  const t = schoolMessages().ministry;
  const [state, action] = useActionState(changeAdminAccess, IDLE);
  return (
    <form action={action} className="space-y-3" aria-labelledby="access-heading">
      <h2 id="access-heading" className="text-xl font-bold">
        {t.accessHeading}
      </h2>
      <FormMessage state={state} />
      <Field
        id="access-adminLoginId"
        name="adminLoginId"
        label={t.adminLoginId}
        maxLength={64}
        required
        hint={t.accessHint}
        error={state.fieldErrors?.adminLoginId}
      />
      <div className="flex flex-wrap gap-3">
        <SubmitButton name="enabled" value="false">
          {t.disable}
        </SubmitButton>
        <SubmitButton name="enabled" value="true" variant="secondary">
          {t.enable}
        </SubmitButton>
      </div>
    </form>
  );
}
