import { Card } from "@/app/components/card";
import { getMessages } from "@/lib/messages";
import { SearchForm } from "./search-form";

export const metadata = { title: getMessages().sspr.searchHeading };

export default function SearchPage() {
  const t = getMessages();
  return (
    <Card title={t.app.ssprTitle} heading={t.sspr.searchHeading}>
      <SearchForm />
      <p>
        <a href="/login" className="font-semibold text-brand underline underline-offset-4">
          {t.sspr.backToLogin}
        </a>
      </p>
    </Card>
  );
}
