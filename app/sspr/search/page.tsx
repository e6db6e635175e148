import { Card, TextLink } from "@/app/components/card";
import { guardianApprovalOffered } from "@/lib/data/school-settings";
import { getMessages, pageTitle } from "@/lib/messages";
import { SearchForm } from "./search-form";

export const generateMetadata = pageTitle((t) => t.sspr.searchHeading);

export default async function SearchPage() {
  const t = await getMessages();
  return (
    <Card title={t.app.ssprTitle} heading={t.sspr.searchHeading}>
      <SearchForm
        t={{
          loginId: t.sspr.loginId,
          searchIntro: t.sspr.searchIntro,
          search: t.sspr.search,
          summary: t.errors.summary,
        }}
      />
      <TextLink href="/sspr/code">{t.sspr.codeLink}</TextLink>
      {(await guardianApprovalOffered()) && <TextLink href="/sspr/guardian">{t.sspr.guardianLink}</TextLink>}
      <TextLink href="/login">{t.sspr.backToLogin}</TextLink>
    </Card>
  );
}
