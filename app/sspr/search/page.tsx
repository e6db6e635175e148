import { Card, TextLink } from "@/app/components/card";
import { getMessages } from "@/lib/messages";
import { SearchForm } from "./search-form";

export const metadata = { title: getMessages().sspr.searchHeading };

export default function SearchPage() {
  const t = getMessages();
  return (
    <Card title={t.app.ssprTitle} heading={t.sspr.searchHeading}>
      <SearchForm />
      <TextLink href="/login">{t.sspr.backToLogin}</TextLink>
    </Card>
  );
}
