// What SMTP_URL may say about TLS: encrypted unless it says requireTLS=false, and nothing ambiguous.
import { describe, expect, it } from "vitest";
import { smtpTransport } from "@/lib/mail/smtp-transport";
import { smtpRequiresTls } from "@/lib/mail/smtp-url";

describe("SMTP_URL and TLS", () => {
  it("insists on TLS for smtp:// unless the URL says requireTLS=false", () => {
    expect(smtpRequiresTls("smtp://relay:secret@mail.school.example:587")).toBe(true);
    expect(smtpRequiresTls("smtp://mail.school.example:587?requireTLS=true")).toBe(true);
    expect(smtpRequiresTls("smtp://localhost:1025?requireTLS=false")).toBe(false);
    expect(smtpRequiresTls("smtps://relay:secret@mail.school.example:465")).toBe(true);
  });

  it("refuses a URL that would send in plain text without requireTLS=false, and never quotes it", () => {
    for (const url of [
      "smtp://relay:hunter2@mail.school.example?ignoreTLS=true",
      "smtp://relay:hunter2@mail.school.example?opportunisticTLS=true",
      "smtp://relay:hunter2@mail.school.example?requireTLS=0",
      "smtp://relay:hunter2@mail.school.example?requireTLS=no",
      "smtp://relay:hunter2@mail.school.example?requireTLS=true&requireTLS=false",
      "http://relay:hunter2@mail.school.example",
      "smtp://relay:hunter2@mail.school.example:99999",
    ]) {
      expect(() => smtpTransport(url)).toThrow(/^SMTP_URL[: ]/);
      expect(() => smtpTransport(url)).not.toThrow(/hunter2|relay/);
    }
    expect(smtpRequiresTls("smtp://localhost:1025?requireTLS=false&ignoreTLS=true")).toBe(false);
  });
});
