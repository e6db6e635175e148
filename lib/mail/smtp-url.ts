// What SMTP_URL says about TLS, checked without loading nodemailer (lib/server/config.ts can use it).

// nodemailer settings that would let a smtp:// send go on in plain text.
const PLAIN_TEXT_SWITCHES = ["ignoreTLS", "opportunisticTLS"];

/** Whether a send over `url` must be encrypted: always, unless a smtp:// URL says
 *  `?requireTLS=false` (a local catcher such as Mailpit). smtps:// is TLS from the first byte.
 *  Throws on a URL whose TLS settings are ambiguous; the message never quotes the URL. */
export function smtpRequiresTls(url: string): boolean {
  const { protocol, searchParams } = parsed(url);
  if (protocol !== "smtp:" && protocol !== "smtps:")
    throw new Error("SMTP_URL must start with smtp:// or smtps://");
  for (const key of ["requireTLS", ...PLAIN_TEXT_SWITCHES]) {
    const values = searchParams.getAll(key);
    if (values.length > 1 || (values.length === 1 && values[0] !== "true" && values[0] !== "false"))
      throw new Error(`SMTP_URL: ${key} must be given once, as true or false`);
  }
  const optedOut = searchParams.get("requireTLS") === "false";
  const plainSwitch = PLAIN_TEXT_SWITCHES.find((key) => searchParams.get(key) === "true");
  if (plainSwitch && !optedOut)
    throw new Error(`SMTP_URL: ${plainSwitch}=true sends in plain text; add requireTLS=false to mean it`);
  return protocol === "smtps:" || !optedOut;
}

// Node's URL error carries the input, password and all: never let it out.
function parsed(url: string): URL {
  try {
    return new URL(url);
  } catch {
    throw new Error("SMTP_URL is not a URL");
  }
}
