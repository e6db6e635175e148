// Auth.js's types as this app fills them (lib/auth/auth.ts), declared once, so that the callbacks
// and the session's renewal need no casts.
import type { SessionClaims } from "./auth";

declare module "next-auth" {
  /** What authorize() returns for an accepted password: who, which session version and which
   *  server-side session (lib/data/sign-in.ts). */
  interface User {
    uid: number;
    sv: number;
    sid: string;
  }

  interface Session {
    /** The token's claims once checked; null for a token that does not carry them. */
    claims: SessionClaims | null;
    /** Sent with unstable_update() only: the id the server renewed the session under
     *  (lib/data/sessions.ts), which the jwt callback checks before it takes it. */
    renewedSid?: string;
  }
}

declare module "next-auth/jwt" {
  /** The session cookie's token. Read back through tokenSchema: a cookie is never trusted as typed. */
  interface JWT {
    uid?: number;
    sv?: number;
    sid?: string;
  }
}
