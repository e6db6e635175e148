import "server-only";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { z } from "zod";
import { authSecret, config as settings } from "@/lib/server/config";
import { heldDeviceTokens, rememberDevice } from "@/lib/auth/device-cookie";
import { renewSession } from "@/lib/data/sessions";
import { attemptSignIn } from "@/lib/data/sign-in";
import { clientAddressFrom } from "@/lib/http/request";
import { decodeSessionToken, encodeSessionToken } from "./session-token";
import { loginSchema } from "@/lib/forms";

// Auth.js with a Credentials provider and JWT sessions. The token carries the account's session
// version; lib/auth/guards.ts compares it with the database on every request.

const tokenSchema = z.object({ uid: z.number().int(), sv: z.number().int(), sid: z.string().min(1) });

/** Too many wrong passwords in a row for this Login ID: the try was not judged. */
export class SignInSlowed extends CredentialsSignin {
  override code = "slowed";
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

const SESSION_MAX_AGE_S = 8 * 60 * 60;

type PasswordSignIn =
  | { status: "signedIn"; claims: SessionClaims }
  | { status: "failed" }
  | { status: "slowed"; retryAfterSeconds: number };

/** A Login ID and password judged (lib/data/sign-in.ts); a right one remembers the device. */
async function passwordSignIn(
  credentials: { loginId: string; password: string },
  requestHeaders: Headers,
): Promise<PasswordSignIn> {
  const result = await attemptSignIn(credentials.loginId, credentials.password, {
    clientAddress: clientAddressFrom(requestHeaders),
    deviceTokens: await heldDeviceTokens(),
  });
  if (result.status !== "signedIn") return result;
  await rememberDevice(result.deviceToken);
  const { user } = result;
  return { status: "signedIn", claims: { uid: user.id, sv: user.sessionVersion, sid: result.sessionId } };
}

/** The sign-in form's work: the same judgement and the same session cookie as Auth.js's
 *  Credentials sign-in (its token, name and attributes), written here at once. Auth.js's own
 *  `signIn` builds a request, runs its whole handler on it and copies the cookies back: about a
 *  tenth of a sign-in's request thread (`npm run bench:load` with a profile), for nothing the
 *  form needs. */
export async function signInWithPassword(credentials: {
  loginId: string;
  password: string;
}): Promise<Exclude<PasswordSignIn, { status: "signedIn" }> | { status: "signedIn" }> {
  const result = await passwordSignIn(credentials, await headers());
  if (result.status !== "signedIn") return result;
  const { claims } = result;
  const token = await encodeSessionToken({
    token: { sub: String(claims.uid), ...claims },
    secret: authSecret(),
    salt: SESSION_COOKIE,
    maxAge: SESSION_MAX_AGE_S,
  });
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: settings.secureCookies,
    expires: new Date(Date.now() + SESSION_MAX_AGE_S * 1000),
  });
  return { status: "signedIn" };
}

const config = (): NextAuthConfig => ({
  secret: authSecret(),
  trustHost: true,
  // `Secure` cookies because the service is https or in production, whatever a proxy's
  // X-Forwarded-Proto says (lib/server/config.ts).
  useSecureCookies: settings.secureCookies,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  jwt: { encode: encodeSessionToken, decode: decodeSessionToken },
  pages: { signIn: "/login", error: "/login" },
  // Failed sign-ins are expected; never log their details (or a stack trace).
  logger: { error: () => {}, warn: () => {}, debug: () => {} },
  providers: [
    Credentials({
      credentials: { loginId: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = loginSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const result = await passwordSignIn(parsed.data, request.headers);
        if (result.status === "slowed") throw new SignInSlowed(result.retryAfterSeconds);
        if (result.status !== "signedIn") return null;
        const { claims } = result;
        return { id: String(claims.uid), ...claims };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user, trigger, session }) {
      if (user) {
        // The server-side session was started with the sign-in's other writes (lib/data/sign-in.ts).
        return { ...token, uid: user.uid, sv: user.sv, sid: user.sid };
      }
      // The same session under a new id (the second factor passed, or the person changed their
      // own password: the session version moved too). Only an id the server made for this very
      // person, whose old one has ended, is taken (lib/data/sessions.ts).
      if (trigger === "update") {
        const current = tokenSchema.safeParse(token);
        const renewal = z.object({ renewedSid: z.string().min(1) }).safeParse(session);
        if (current.success && renewal.success) {
          const next = await renewSession(current.data.sid, renewal.data.renewedSid, current.data.uid);
          if (next) return { ...token, ...next };
        }
      }
      return token;
    },
    session({ session, token }) {
      const parsed = tokenSchema.safeParse(token);
      return { ...session, claims: parsed.success ? parsed.data : null };
    },
  },
});

export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth(config);

export type SessionClaims = z.infer<typeof tokenSchema>;

const SESSION_COOKIE = settings.secureCookies ? "__Secure-authjs.session-token" : "authjs.session-token";

/** The session's claims: who, which session version, which server-side session. Read from the
 *  cookie as this request now has it: an action that renewed the session (second factor, a new
 *  password) renders its page again under the new cookie, not the one the request came with. */
export async function sessionClaims(): Promise<SessionClaims | null> {
  const jar = await cookies();
  // Auth.js splits a token too large for one cookie over `name.0`, `name.1`, …; ours fits in one.
  const whole =
    jar.get(SESSION_COOKIE)?.value ??
    jar
      .getAll()
      .filter((c) => c.name.startsWith(`${SESSION_COOKIE}.`))
      .sort((a, b) => Number(a.name.split(".").pop()) - Number(b.name.split(".").pop()))
      .map((c) => c.value)
      .join("");
  return whole ? claimsOf(whole) : null;
}

/** Decrypted once per request and cookie value (the guards ask several times a page). */
const claimsOf = cache(async (token: string): Promise<SessionClaims | null> => {
  try {
    const parsed = tokenSchema.safeParse(
      await decodeSessionToken({ token, secret: authSecret(), salt: SESSION_COOKIE }),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
});
