// Every word a user reads, in one module (lib/messages): the product also speaks Chinese, Malay and
// Tamil. Headings, labels and buttons follow the school's guide word for word
// (shared/seed-texts.md). Here the families' pages; their e-mail notices in en-mail.ts; the
// school's side in en-school.ts (with en-admin.ts and en-roster.ts).
import { enMail } from "./en-mail";
import { schoolWords } from "./en-school";

export const en = {
  app: {
    name: "MIMS Student Self-Service Password Reset",
    ssprTitle: "Self Service Password Reset",
    skipToContent: "Skip to main content",
  },
  language: {
    /** The switcher's name, read by screen readers; each language is named in itself. */
    label: "Language",
  },
  login: {
    heading: "Log In",
    intro: "Sign in to the MIMS Portal with your Login ID and password.",
    loginId: "Login ID",
    loginIdHint: "Your username or your student e-mail address",
    password: "Password",
    submit: "Log In",
    forgot: "Forgot Password?",
    failed: "The Login ID or password is not correct. Please try again.",
    slowed: (minutes: number) =>
      `There have been too many wrong passwords for this Login ID. Please wait ${minutes} ${minutes === 1 ? "minute" : "minutes"} and try again, or use Forgot Password? to choose a new password.`,
    passwordChanged: "Your password has been changed. Please log in with your new password.",
    signedOut: "You have logged out.",
  },
  portal: {
    heading: "MIMS Portal",
    welcome: (name: string) => `Welcome, ${name}`,
    menu: "Main menu",
    setupQuestions: "Setup Security Question",
    changePassword: "Change Password",
    logOut: "Log Out",
    questionsReady:
      "Your security questions are set up. You can reset your password yourself if you forget it.",
    questionsMissing:
      "Please set up your security questions now. Without them you cannot reset your password yourself if you forget it.",
    questionsMissingAction: "Set up security questions",
    answersSaved: "Your security answers are saved.",
  },
  setup: {
    heading: "Setup Security Questions",
    intro:
      "If you forget your password, you can get back into your account by answering your security questions.",
    warning:
      "These answers can be used to get into your account, so choose answers that other people cannot easily guess or find out. Do not tell anyone your answers.",
    question: (n: number) => `Question ${n}`,
    placeholder: "— Please select a question item from the list —",
    prompt: "Please type your security answers",
    answer: (n: number) => `Answer ${n}`,
    answerHint: "3 to 40 letters or numbers. Capital letters and extra spaces do not matter.",
    currentPassword: "Current Password",
    currentPasswordHint: "You already have security answers. Type your password to replace them.",
    currentPasswordHintLateSignIn: (minutes: number) =>
      `You signed in more than ${minutes} minutes ago. Type your password to show that it is you.`,
    submit: "Save Answers",
    fixErrors: "Please check the answers marked below.",
  },
  changePassword: {
    heading: "Change Password",
    intro:
      "Please change your password. Keep your new password secure. After you type your new password, click the Change Password button. If you must write it down, be sure to keep it in a safe place.",
    mustChange: "Your school has reset your password. Please choose a new password before you continue.",
    /** An administrator's first sign-in (a temporary or published password), in place of mustChange. */
    mustChangeAdmin:
      "You signed in with a temporary password. Choose your own password now: the school administration opens once it is changed.",
    /** A teacher's first sign-in (a temporary or published password), in place of mustChange. */
    mustChangeTeacher:
      "You signed in with a temporary password. Choose your own password now: your classes open once it is changed.",
    requirementsIntro: "Your new password must meet the following requirements:",
    prompt: "Please type your new password",
    currentPassword: "Current Password",
    newPassword: "New Password",
    newPasswordHint: "Think of a new password",
    confirmPassword: "Confirm Password",
    confirmPasswordHint: "Retype your new password",
    submit: "Change Password",
    cancel: "Cancel",
    wrongCurrent: "Your current password is not correct.",
    fixErrors: "Please check the password marked below.",
  },
  policy: {
    checklistLabel: "Password requirements",
    met: "done",
    notMet: "not yet",
    /** Said politely by screen readers when typing pauses, not on every key. */
    progress: (met: number, total: number) =>
      met === total ? "All the requirements are met." : `${met} of ${total} requirements met.`,
    caseSensitive: "Password is case sensitive.",
    length: "Must be at least 12 characters long.",
    firstChar: "The first character can not be a symbol (non letter or number).",
    noName: "Must not include part of your name or user name.",
    classes:
      "Must have at least three types of the following characters: Uppercase (A-Z), Lowercase (a-z), Number (0-9), Symbol (!, #, $, etc.)",
    confirm: "Confirm Password must match New Password.",
    errors: {
      length: "The password must be at least 12 characters long.",
      maxLength: "The password must be at most 256 characters long.",
      firstChar: "The first character can not be a symbol. Start with a letter or a number.",
      classes: "Use at least three of: capital letters, small letters, numbers and symbols.",
      noName: (part: string) => `The password must not include part of your name or user name ("${part}").`,
      confirm: "The two passwords are not the same. Please type them again.",
      common:
        "This password is one of the most common passwords, so it is easy to guess. Please choose another.",
      contextWord: (word: string) =>
        `The password must not include the name of the school or of this service ("${word}").`,
      reused: "You have used this password recently. Choose one that is not among your last 5 passwords.",
    },
  },
  sspr: {
    landingHeading: "Forgot your password?",
    landingIntro:
      "If you have set up your security questions, you can reset your password yourself by answering them.",
    forgot: "Forgot Password?",
    searchHeading: "Reset your password",
    searchIntro: "Type your Login ID: your username, or your student e-mail address.",
    loginId: "Login ID",
    search: "Search",
    challengeHeading: "Forgotten Password",
    challengeIntro:
      "Please answer the following questions. If you answer these questions correctly, you will then be able to reset your password.",
    checkAnswers: "Check Answers",
    wrongAnswers:
      "The answers are not correct. Please try again. Too many wrong answers will lock the account.",
    noLoginId: "Please start again and type your Login ID.",
    grantGone: "This password reset has ended. Please start again.",
    doneHeading: "Password changed",
    doneText: "Your password has been changed. You can now log in with your new password.",
    continue: "Continue",
    backToLogin: "Back to Log In",
    startAgain: "Start again",
    /** A one-time reset code from the school (lib/reset/reset-code.ts), at /sspr/code. */
    codeLink: "I have a code from my teacher",
    codeHeading: "Use a code from your teacher",
    codeIntro:
      "Type your Login ID and the code your teacher gave you. The code works once, until the end of the school day.",
    code: "Code from your teacher",
    codeHint: "8 letters and numbers, for example ACDE-7KMN",
    useCode: "Use Code",
    codeWrong:
      "The Login ID or the code is not correct. Please check them and try again. Too many wrong tries will lock the account.",
    /** A guardian's approval (lib/reset/guardian-code.ts), at /sspr/guardian, where a school offers it. */
    guardianLink: "Ask my parent or guardian",
    guardianHeading: "Ask your parent or guardian",
    guardianIntro:
      "If you cannot answer your security questions, your parent or guardian can approve a new password. Type your Login ID: we send a code to the e-mail address your school has for your parent or guardian. The code works for 30 minutes.",
    guardianSend: "Send Code",
    guardianSent:
      "If an e-mail address is on file for your parent or guardian, the code has been sent to it. It works for 30 minutes.",
    guardianCodeLink: "I have a code from my parent or guardian",
    guardianCodeHeading: "Use the code from your parent or guardian",
    guardianCodeIntro:
      "Type your Login ID and the code from the e-mail your parent or guardian received. The code works once, for 30 minutes.",
    guardianCode: "Code from the e-mail",
    guardianCodeHint: "6 letters and numbers, for example KMN-479",
    guardianNewCode: "Send a new code",
  },
  /** The eight security questions by their stored id: an answer set up in one language is checked
   *  in any other. */
  questions: {
    1: "What is your favourite animal?",
    2: "What is your favourite colour?",
    3: "What is your favourite sport or hobby?",
    4: "What is your favourite food?",
    5: "What is your favourite cartoon hero/pop group?",
    6: "What is your favourite toy?",
    7: "What is your favourite movie?",
    8: "What is your favourite book?",
  },
  /** Every password and answer field's toggle. */
  reveal: { show: "Show", hide: "Hide", showPassword: "Show password", hidePassword: "Hide password" },
  locked: {
    heading: "Account locked",
    temporaryMinutes: (minutes: number) =>
      `This account is locked because of too many wrong attempts. You can try again in ${minutes} minutes, or ask the school to unlock it.`,
    account: "This account is locked because of too many wrong attempts.",
    ask: "Please inform the school via e-mail to request for the account to be unlocked and enabled:",
    pickSchool: "Choose your school to see its e-mail address",
    school: "School",
    show: "Show e-mail address",
    thanks: "Thank you",
  },
  ...schoolWords,
  errors: {
    /** The heading of the list of a form's errors, above the form. */
    summary: "There is a problem",
    required: "Please fill this in.",
    tooLong: (max: number) => `This is too long: at most ${max} characters.`,
    invalid: "This has characters that cannot be used here.",
    chooseQuestion: "Please choose a question.",
    questionRepeated: "Please choose three different questions.",
    answerTooShort: "The answer must have at least 3 characters.",
    answerTooLong: "The answer must have at most 40 characters.",
    answerRepeated: "Each answer must be different.",
    answerIsName: "The answer must not be your name or Login ID.",
    answerIsQuestion: "The answer must not be the words of the question.",
    answerInvalid: "The answer has characters that cannot be used.",
    generic: "Something went wrong. Please try again.",
    busy: "The service is busy. Please try again in a minute.",
    tryAgain: "Try again",
  },
  rateLimit: {
    heading: "Too many tries",
    text: (minutes: number) =>
      `There have been too many tries from this network. Please wait ${minutes} ${minutes === 1 ? "minute" : "minutes"} and try again.`,
    back: "Back to Log In",
  },
  tooLarge: {
    heading: "That was too much text",
    text: (_minutes: number) =>
      "What was sent is far longer than any answer on this page can be. Please go back and type it again.",
    back: "Go back",
  },
  busy: {
    heading: "The service is busy",
    text: (minutes: number) =>
      `Many people are using the service right now. Please try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`,
    back: "Back to Log In",
  },
  // E-mail notices (lib/mail/compose.ts). Plain text; never a password, an answer or a link to reset.
  mail: enMail,
  notFound: { heading: "Page not found", text: "This page does not exist.", home: "Go to Log In" },
};

export type Messages = typeof en;

/** The parts of the tree a family reads: every language has them. The rest (the school's pages,
 *  the notices to the school) is English for every reader. */
export const FAMILY_AREAS = [
  "app",
  "language",
  "login",
  "portal",
  "setup",
  "changePassword",
  "policy",
  "sspr",
  "questions",
  "reveal",
  "locked",
  "errors",
  "rateLimit",
  "tooLarge",
  "busy",
  "mail",
  "notFound",
] as const satisfies readonly (keyof Messages)[];

/** The notices to the school and to administrators: English, whatever the student's language. */
export type SchoolMail = "schoolAccountLocked" | "schoolSignInSlowed" | "secondFactorLocked";

/** What a translation holds: the families' parts, the same keys as English, none more. */
export type FamilyWords = Omit<Pick<Messages, (typeof FAMILY_AREAS)[number]>, "mail"> & {
  mail: Omit<Messages["mail"], SchoolMail>;
};
