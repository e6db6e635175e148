import "server-only";
import NextAuth, { type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { authSecret } from "@/lib/config";
import { startSession } from "@/lib/data/sessions";
import { authenticate } from "@/lib/data/sign-in";
import { clientAddressFrom } from "@/lib/request";
import { loginSchema } from "@/lib/forms";

// Auth.js with a Credentials provider and JWT sessions. The token carries the account's session
// version; lib/auth/guards.ts compares it with the database on every request.

const tokenSchema = z.object({ uid: z.number().int(), sv: z.number().int(), sid: z.string().min(1) });

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
    async jwt({ token, user }) {
      if (user) {
        const signedIn = user as { uid: number; sv: number };
        return { ...token, uid: signedIn.uid, sv: signedIn.sv, sid: await startSession(signedIn.uid) };
      }
      return token;
    },
    session({ session, token }) {
      const parsed = tokenSchema.safeParse(token);
      return { ...session, claims: parsed.success ? parsed.data : null };
    },
  },
});

export const { handlers, auth, signIn, signOut } = NextAuth(config);

export type SessionClaims = z.infer<typeof tokenSchema>;

/** The session's claims: who, which session version, which server-side session. */
export async function sessionClaims(): Promise<SessionClaims | null> {
  const session = (await auth()) as { claims?: SessionClaims | null } | null;
  return session?.claims ?? null;
}
