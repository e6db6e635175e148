import { notFound } from "next/navigation";
import { Card } from "@/app/components/card";
import { config } from "@/lib/server/config";
import { listDevMailbox } from "@/lib/data/notice-lists";
import { schoolMessages } from "@/lib/messages";

// Development only: every family's messages are here, so production answers 404.

export function generateMetadata() {
  return config.isProduction ? {} : { title: schoolMessages().mailbox.title };
}

const time = new Intl.DateTimeFormat("en-SG", {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: config.schoolTimeZone,
});

export default async function DevMailboxPage() {
  if (config.isProduction) notFound();
  const t = schoolMessages();
  const messages = await listDevMailbox();
  return (
    <Card heading={t.mailbox.title}>
      <p>{t.mailbox.intro}</p>
      {messages.length === 0 ? (
        <p>{t.mailbox.empty}</p>
      ) : (
        <ol className="space-y-4">
          {messages.map((message) => (
            <li key={message.id}>
              <article
                aria-labelledby={`mail-${message.id}`}
                className="space-y-2 rounded-xl border border-slate-300 p-4"
              >
                <h2 id={`mail-${message.id}`} className="break-words text-lg font-semibold">
                  {message.subject}
                </h2>
                <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
                  <dt>{t.mailbox.to}</dt>
                  <dd className="break-all">{message.toAddress}</dd>
                  <dt>{t.mailbox.written}</dt>
                  <dd>{time.format(message.createdAt)}</dd>
                  <dt>{t.mailbox.status}</dt>
                  <dd>{t.notices.statuses[message.status]}</dd>
                  <dt>{t.mailbox.messageId}</dt>
                  <dd className="break-all">{message.messageId}</dd>
                </dl>
                <pre className="whitespace-pre-wrap break-words rounded-lg bg-slate-50 p-3 font-sans text-sm">
                  {message.body}
                </pre>
              </article>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
