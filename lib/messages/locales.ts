// The languages the families' pages speak, and how a request's language is chosen: the reader's
// own choice (the switcher's cookie) first, then the browser's Accept-Language, then English.
// Imports nothing, so the proxy, the HTTP server's refusal pages and the pages all use it.

export const LOCALES = ["en", "zh", "ms", "ta"] as const;
/** The pseudo-locale (lib/messages/pseudo.ts): chosen only where PSEUDO_LOCALE=1 (the browser
 *  tests), never offered. */
export const PSEUDO_LOCALE = "qps";
export type Locale = (typeof LOCALES)[number] | typeof PSEUDO_LOCALE;
export const DEFAULT_LOCALE: Locale = "en";

/** The cookie the language switcher sets (app/language/route.ts). */
export const LOCALE_COOKIE = "lang";

/** The request header through which the proxy tells the pages their own path (set on every
 *  request, so a client's copy never arrives). */
export const PATH_HEADER = "x-sspr-path";

/** The school's pages speak English whatever the reader chose. */
export function isSchoolPath(path: string): boolean {
  return /^\/(admin|teacher|dev)(\/|$|\?)/.test(path);
}

/** A path of ours to return to, or Log In: never another site (`//host`, `/\host`). */
export function safeBackPath(value: unknown): string {
  return typeof value === "string" && /^\/(?![/\\])[^\s]{0,1999}$/.test(value) ? value : "/login";
}

/** Each language named in itself, as the switcher shows it. */
export const LOCALE_NAMES: Record<(typeof LOCALES)[number], string> = {
  en: "English",
  zh: "中文",
  ms: "Bahasa Melayu",
  ta: "தமிழ்",
};

/** The BCP 47 tag for `<html lang>` and for each switcher button's own `lang`. */
export const LOCALE_TAGS: Record<Locale, string> = {
  en: "en",
  zh: "zh-Hans",
  ms: "ms",
  ta: "ta",
  qps: "en-XA",
};

export function isLocale(value: unknown): value is Locale {
  if (value === PSEUDO_LOCALE) return process.env.PSEUDO_LOCALE === "1";
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The best of our languages for an Accept-Language header (`zh-CN,zh;q=0.9,en;q=0.8`), or null. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale | null {
  if (!acceptLanguage) return null;
  const ranked = acceptLanguage
    .slice(0, 500)
    .split(",")
    .map((part, index) => {
      const [range = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(p)?.[1]).find(Boolean);
      return { primary: range.trim().toLowerCase().split("-")[0] ?? "", q: q ? Number(q) : 1, index };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((r) => r.primary).find((l): l is Locale => l !== PSEUDO_LOCALE && isLocale(l)) ?? null;
}

/** The value of one cookie in a Cookie header. */
function cookieValue(cookieHeader: string | null | undefined, name: string): string | undefined {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return undefined;
}

/** The request's language: the reader's choice, else the browser's, else English. */
export function localeOf(
  cookieHeader: string | null | undefined,
  acceptLanguage: string | null | undefined,
): Locale {
  const chosen = cookieValue(cookieHeader, LOCALE_COOKIE);
  if (isLocale(chosen)) return chosen;
  return negotiateLocale(acceptLanguage) ?? DEFAULT_LOCALE;
}
