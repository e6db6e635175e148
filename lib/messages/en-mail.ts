// The e-mail notices' words in English: to the student, the family and the school (the school's
// own notices are English for every reader: SchoolMail in lib/messages/en.ts).
import type { PasswordChangeHow } from "@/lib/mail/compose";

export const enMail = {
  greeting: "Hello,",
  when: "When",
  device: "Device",
  address: "Internet address",
  unknownAddress: "unknown",
  devices: { phone: "a phone", tablet: "a tablet", computer: "a computer", unknown: "an unknown device" },
  footer:
    "This message was sent by the MIMS Student Self-Service Password Reset service. Replies to it are not read.",
  passwordChanged: {
    subject: (name: string) => `The password of ${name}'s school account was changed`,
    text: (name: string, how: PasswordChangeHow) =>
      `The password of ${name}'s school account was changed ${
        {
          self_service: "with Forgot Password?, after the security questions were answered",
          reset_code: "with Forgot Password?, using a one-time reset code from the school",
          guardian_code: "with Forgot Password?, using a code sent to the parent or guardian's e-mail",
          signed_in: "by someone who signed in with the old password",
          admin: "by the school's administrator",
        }[how]
      }. Every device that was signed in has been signed out.`,
    notYou: (contact: string) =>
      `If this was not you or your child, someone else may know the password or the answers to the security questions. Contact the school at once: ${contact}`,
    notAsked: (contact: string) =>
      `If you did not ask the school for a new password, contact the school at once: ${contact}`,
  },
  questionsSet: {
    subject: (name: string, replaced: boolean) =>
      `Security questions ${replaced ? "changed" : "set up"} for ${name}'s school account`,
    text: (name: string, replaced: boolean) =>
      `The security questions of ${name}'s school account were ${replaced ? "changed" : "set up"}. Anyone who knows the answers can reset the password.`,
    notYou: (contact: string) =>
      `If this was not you or your child, someone else may know the password. Change it now and contact the school: ${contact}`,
  },
  resetPathLocked: {
    subject: (name: string) => `Forgot Password? is locked for ${name}'s school account`,
    text: (name: string, until: string) =>
      `Someone gave wrong answers to the security questions of ${name}'s school account too many times in a row. Forgot Password? is locked for this account until ${until}.`,
    notYou: (contact: string) =>
      `If this was not your child, someone may be trying to get into the account. If it happens again, contact the school: ${contact}`,
  },
  accountLocked: {
    subject: (name: string) => `${name}'s school account is locked`,
    text: (name: string) =>
      `Wrong answers to the security questions of ${name}'s school account were given too many times. The account is locked until the school unlocks it. The school has been told.`,
    notYou: (contact: string) =>
      `To have it unlocked, e-mail the school: ${contact}. If this was not your child, tell the school: someone may be trying to get into the account.`,
  },
  schoolAccountLocked: {
    subject: (name: string, className: string | null) =>
      `Locked account: ${name}${className ? ` (${className})` : ""}`,
    text: (name: string, className: string | null) =>
      `The account of ${name}, class ${className ?? "not recorded"}, was locked after too many wrong answers to the security questions on Forgot Password?. The family has been told if a guardian e-mail address is on record.`,
    action: (url: string) =>
      `Please check with the student or the family that it was them, then unlock the account here: ${url}`,
  },
  signInSlowed: {
    subject: (name: string) => `Many wrong passwords for ${name}'s school account`,
    text: (name: string, failures: number, until: string) =>
      `Someone typed a wrong password for ${name}'s school account ${failures} times in a row. Until ${until}, signing in with this account has to wait between tries, except on a device that has signed in to it before. Forgot Password? still works.`,
    notYou: (contact: string) =>
      `If this was not you or your child, someone may be trying to guess the password. Choose a new password with Forgot Password? and tell the school: ${contact}`,
  },
  schoolSignInSlowed: {
    subject: (name: string, className: string | null) =>
      `Many wrong passwords: ${name}${className ? ` (${className})` : ""}`,
    text: (name: string, className: string | null, failures: number, until: string) =>
      `Someone typed a wrong password for the account of ${name}${className ? `, class ${className},` : ""} ${failures} times in a row. Until ${until}, sign-in from a device that never signed in to this account has to wait between tries. The family has been told if an e-mail address is on record.`,
    action: (url: string) =>
      `If the family did not expect this, someone may be trying to guess the password. The student's page: ${url}`,
    actionAdmin:
      "This is an administrator's account. If it was not them, someone may be trying to guess the password: tell the ministry.",
  },
  secondFactorLocked: {
    text: (name: string, failures: number, until: string) =>
      `${failures} wrong codes in a row were given for the second factor of ${name}'s school staff account. Codes from the authenticator app are refused until ${until}; a recovery code still works. Whoever gave them knew the account's password.`,
    administrator: {
      subject: (name: string) => `Second factor locked for ${name}`,
      action: "If this was not you, change your password at once and tell the ministry: someone knows it.",
    },
    ministry: {
      subject: (name: string) => `Second factor locked: ${name}`,
      action:
        "Check with them that it was them. If not, disable the account (an administrator under Schools, a teacher on the school's Teachers page): someone knows its password.",
    },
  },
  guardianCode: {
    subject: (name: string) => `A code to reset the password of ${name}'s school account`,
    text: (name: string) =>
      `Someone asked at Forgot Password? for your approval to choose a new password for ${name}'s school account. If it was your child, give them this code, or type it with them on the page. It works once.`,
    code: "Code",
    until: (until: string) => `The code works until ${until}.`,
    notYou: (contact: string) =>
      `If your child did not ask for it, do not give the code to anyone: nobody can use it without this e-mail. If it happens again, tell the school: ${contact}`,
  },
};
