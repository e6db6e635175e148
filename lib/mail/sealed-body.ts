// A notice whose words carry a secret (a guardian's code) is kept in the outbox sealed with the
// ENCRYPTION_KEYS (lib/crypto/secret-box.ts), never readable in the database or a backup; the
// worker opens it only to send it. The box is bound to its notice's Message-ID, so it cannot be
// moved to another row (another recipient). Framework-free: scripts/outbox-worker.ts opens too.
import { open, seal, type KeyRing } from "@/lib/crypto/secret-box";

const purposeOf = (messageId: string) => `notice-body:${messageId}`;

export function sealNoticeBody(body: string, ring: KeyRing, messageId: string): string {
  return seal(body, ring, purposeOf(messageId));
}

/** The body, or null when the box does not open with these keys for this notice. */
export function openNoticeBody(box: string, ring: KeyRing, messageId: string): string | null {
  return open(box, ring, purposeOf(messageId));
}
