// Where the browser tests' server sends its e-mail (SMTP_URL, playwright.config.ts): a loopback
// port next to the server's own. A spec that reads mail listens there for as long as it needs it,
// with the integration tests' real SMTP server (tests/integration/mail-server.ts); while nothing
// listens, the outbox keeps its notices and tries again later, as it does when a mail server is down.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const MAIL_SINK_PORT = E2E_PORT + 25;
export const MAIL_SINK_URL = `smtp://127.0.0.1:${MAIL_SINK_PORT}?requireTLS=false`;
