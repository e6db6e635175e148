// The school's password policy, stated once. Pure: the browser's live checklist and the
// server's check run this same code.

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
export const NAME_TOKEN_MIN_LENGTH = 3;

/** Who the password belongs to: the parts it must not contain. */
export type PasswordContext = {
  loginId: string;
  email?: string | null;
  fullName?: string | null;
};

export type PolicyRule = "length" | "maxLength" | "firstChar" | "classes" | "noName" | "confirm";

export type RuleResult = { rule: PolicyRule; ok: boolean; namePart?: string };

const TOKEN_SEPARATORS = /[\s.,\-_#]+/u;

export function normalisePassword(password: string): string {
  return password.normalize("NFC");
}

/** AD's complexity rule: the login ID as a whole, and its 3+ character tokens, with the
 *  e-mail local part's and the full name's. Lower-cased for comparison. */
export function nameTokens(context: PasswordContext): string[] {
  // NFC like the password, so a name stored decomposed ("Zoe\u0308") still matches "Zoë".
  const localPart = context.email?.split("@")[0] ?? "";
  const sources = [context.loginId, localPart, context.fullName ?? ""].map((part) => part.normalize("NFC"));
  const tokens = new Set<string>();
  const whole = sources[0]!.trim().toLowerCase();
  if (whole.length > 0) tokens.add(whole);
  for (const source of sources) {
    for (const token of source.split(TOKEN_SEPARATORS)) {
      // Characters (code points), as the password's length is counted.
      if ([...token].length >= NAME_TOKEN_MIN_LENGTH) tokens.add(token.toLowerCase());
    }
  }
  return [...tokens];
}

export function characterClasses(password: string): number {
  let count = 0;
  if (/\p{Lu}/u.test(password)) count++;
  if (/\p{Ll}/u.test(password)) count++;
  if (/\p{Nd}/u.test(password)) count++;
  if (/[^\p{L}\p{Nd}]/u.test(password)) count++;
  return count;
}

export function findNamePart(password: string, context: PasswordContext): string | undefined {
  const lower = password.toLowerCase();
  return nameTokens(context).find((token) => lower.includes(token));
}

/** Every rule, in the order the page lists them. `confirm` only when a confirmation is given. */
export function checkPassword(rawPassword: string, context: PasswordContext, confirm?: string): RuleResult[] {
  const password = normalisePassword(rawPassword);
  const length = [...password].length;
  const namePart = findNamePart(password, context);
  const results: RuleResult[] = [
    { rule: "length", ok: length >= PASSWORD_MIN_LENGTH },
    { rule: "maxLength", ok: length <= PASSWORD_MAX_LENGTH },
    { rule: "firstChar", ok: /^[\p{L}\p{Nd}]/u.test(password) },
    { rule: "classes", ok: characterClasses(password) >= 3 },
    namePart ? { rule: "noName", ok: false, namePart } : { rule: "noName", ok: true },
  ];
  if (confirm !== undefined) {
    results.push({ rule: "confirm", ok: password.length > 0 && normalisePassword(confirm) === password });
  }
  return results;
}

/** The first rule that fails, or null when the password meets the policy. */
export function firstFailure(
  password: string,
  context: PasswordContext,
  confirm?: string,
): RuleResult | null {
  return checkPassword(password, context, confirm).find((result) => !result.ok) ?? null;
}

export function meetsPolicy(password: string, context: PasswordContext, confirm?: string): boolean {
  return firstFailure(password, context, confirm) === null;
}
