import type { IncomingMessage, ServerResponse } from "node:http";
import { LOCALE_TAGS, localeOf, type Locale } from "../messages/locales";
import { messagesFor } from "../messages/tree";

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export type RefusalKind = "rateLimit" | "busy" | "tooLarge";

/** The friendly page sent with a 429 (too many tries), a 503 (busy) or a 413 (a form far larger
 *  than any of ours): plain HTML, readable on a phone, no script needed. `back` is a path of ours
 *  to return to (default: Log In); `locale` the reader's language (lib/messages/locales.ts localeOf). */
export function refusalPage(
  kind: RefusalKind,
  retryAfterSeconds: number,
  back = "/login",
  locale: Locale = "en",
): string {
  const t = messagesFor(locale)[kind];
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  const href = back.startsWith("/") && !back.startsWith("//") ? back : "/login";
  return `<!DOCTYPE html><html lang="${LOCALE_TAGS[locale]}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(t.heading)}</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5">
<main><h1>${escape(t.heading)}</h1><p>${escape(t.text(minutes))}</p><p><a href="${escape(href)}">${escape(t.back)}</a></p></main>
</body></html>`;
}

export function refusalResponseInit(status: 413 | 429 | 503, retryAfterSeconds?: number): ResponseInit {
  return {
    status,
    headers: {
      ...(retryAfterSeconds !== undefined && { "Retry-After": String(retryAfterSeconds) }),
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    },
  };
}

/** Answers a request on Node's own response, before the framework sees it: the page in the
 *  reader's language, with its length (one write, not chunk by chunk). The request's body is read
 *  and dropped: a connection closed while the client still sends it would reach the client as a
 *  reset, not as this page. */
export function writeRefusal(
  request: IncomingMessage,
  response: ServerResponse,
  status: 413 | 429 | 503,
  kind: RefusalKind,
  retryAfterSeconds: number,
  back: string,
): void {
  const locale = localeOf(request.headers.cookie, request.headers["accept-language"]);
  const page = refusalPage(kind, retryAfterSeconds, back, locale);
  const { headers } = refusalResponseInit(status, retryAfterSeconds);
  response.writeHead(status, {
    ...(headers as Record<string, string>),
    "Content-Length": String(Buffer.byteLength(page)),
  });
  request.resume();
  response.end(page);
}
