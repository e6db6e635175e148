import { getMessages } from "@/lib/messages";
import { Card, LinkButton } from "./components/card";

export default async function NotFound() {
  const t = (await getMessages()).notFound;
  return (
    <Card heading={t.heading}>
      <p>{t.text}</p>
      <LinkButton href="/login">{t.home}</LinkButton>
    </Card>
  );
}
