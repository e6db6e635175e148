import { getMessages } from "@/lib/messages";
import { Card, LinkButton } from "./components/card";

export default function NotFound() {
  const t = getMessages().notFound;
  return (
    <Card heading={t.heading}>
      <p>{t.text}</p>
      <LinkButton href="/login">{t.home}</LinkButton>
    </Card>
  );
}
