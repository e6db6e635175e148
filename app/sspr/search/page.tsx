import { Card, TextLink } from "@/app/components/card";
import { getMessages } from "@/lib/messages";
import { SearchForm } from "./search-form";

export const metadata = { title: getMessages().sspr.searchHeading };

export default function SearchPage() {
  const t = getMessages();
  return (
    <Card title={t.app.ssprTitle} heading={t.sspr.searchHeading}>
      <SearchForm t={{ loginId: t.sspr.loginId, searchIntro: t.sspr.searchIntro, search: t.sspr.search }} />
      <TextLink href="/login">{t.sspr.backToLogin}</TextLink>
    </Card>
  );
}
