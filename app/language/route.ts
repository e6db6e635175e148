import { NextResponse, type NextRequest } from "next/server";
import { config } from "@/lib/server/config";
import { LOCALE_COOKIE, isLocale, safeBackPath } from "@/lib/messages/locales";

// The language switcher's form posts here (app/components/language-switcher.tsx): a plain form,
// so it works before JavaScript loads. The choice is kept in a cookie for a year, and the reader
// goes back to the page they were on. A GET changes nothing (405).

const YEAR_SECONDS = 365 * 24 * 60 * 60;

export async function POST(request: NextRequest) {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return new NextResponse("Bad request", { status: 400 });
  }
  const lang = form.get("lang");
  const back = safeBackPath(form.get("back"));
  const response = new NextResponse(null, { status: 303, headers: { Location: back } });
  if (!isLocale(lang)) return response;
  response.cookies.set(LOCALE_COOKIE, lang, {
    path: "/",
    maxAge: YEAR_SECONDS,
    sameSite: "lax",
    httpOnly: true,
    secure: config.secureCookies,
  });
  return response;
}
