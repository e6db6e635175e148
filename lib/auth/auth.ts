import "server-only";
import NextAuth, { type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { authSecret } from "@/lib/config";
import { authenticate } from "@/lib/data/sign-in";
import { clientAddressFrom } from "@/lib/request";
import { loginSchema } from "@/lib/forms";

// Auth.js with a Credentials provider and JWT sessions. The token carries the account's session
// version; lib/auth/guards.ts compares it with the database on every request.

const tokenSchema = z.object({ uid: z.number().int(), sv: z.number().int() });

const config = (): NextAuthConfig => ({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  // Failed sign-ins are expected; never log their details (or a stack trace).
  logger: { error: () => {}, warn: () => {}, debug: () => {} },
  providers: [
    Credentials({
      credentials: { loginId: {}, password: {} },
      async authorize(credentials, request) {
        const parsed = loginSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const user = await authenticate(
          parsed.data.loginId,
          parsed.data.password,
          clientAddressFrom(request.headers),
        );
        return user ? { id: String(user.id), uid: user.id, sv: user.sessionVersion } : null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const signedIn = user as { uid: number; sv: number };
        return { ...token, uid: signedIn.uid, sv: signedIn.sv };
      }
      return token;
    },
    session({ session, token }) {
      const parsed = tokenSchema.safeParse(token);
      return {
        ...session,
        uid: parsed.success ? parsed.data.uid : null,
        sv: parsed.success ? parsed.data.sv : null,
      };
    },
  },
});

export const { handlers, auth, signIn, signOut } = NextAuth(config);

/** The session's claims: who, and which session version. */
export async function sessionClaims(): Promise<{ uid: number; sv: number } | null> {
  const session = (await auth()) as { uid?: number | null; sv?: number | null } | null;
  if (!session?.uid || !session.sv) return null;
  return { uid: session.uid, sv: session.sv };
}
