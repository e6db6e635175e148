import type { PasswordChangeHow } from "@/lib/mail/compose";
// Every word a user reads, in one place: the product will also speak Chinese, Malay and Tamil.
// Headings, labels and buttons follow the school's guide word for word (shared/seed-texts.md).
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
  admin: {
    heading: "School administration",
    lockedHeading: "Locked accounts",
    noneLocked: "No account of your school is locked now.",
    name: "Name",
    loginId: "Login ID",
    className: "Class",
    lock: "Lock",
    lockTemporary: (until: string) => `Reset path locked until ${until}`,
    lockAccount: "Account locked",
    unlock: "Unlock",
    unlockFor: (name: string) => `Unlock ${name}`,
    unlocked: (name: string) => `${name} is unlocked. They can use Forgot Password? again.`,
    notAllowed: "You cannot do that.",
    findHeading: "Find students",
    search: "Name, Login ID, class or e-mail",
    searchHint: "Leave empty to list every student.",
    show: "Show",
    filters: {
      all: "All students",
      locked: "Locked",
      noQuestions: "Security questions not set up",
      mustChange: "Must change password",
    },
    searchButton: "Search",
    found: (total: number) => (total === 1 ? "1 student found." : `${total} students found.`),
    pageOf: (page: number, pages: number) => `Page ${page} of ${pages}`,
    previous: "Previous page",
    next: "Next page",
    backToList: "Back to School administration",
    status: "Account",
    active: "Active",
    disabled: "Disabled",
    email: "Student e-mail",
    guardianEmail: "Guardian e-mail",
    lastSignIn: "Last sign-in",
    never: "Never",
    mustChange: "Must change password",
    yes: "Yes",
    no: "No",
    questions: "Security questions",
    questionsNotSetUp: "Not set up",
    notLocked: "Not locked",
    resetHeading: "Reset password",
    resetHint:
      "The student gets a temporary password and must choose a new one at the next sign-in. Every device they are signed in on is signed out.",
    resetButton: "Reset password",
    resetDone: (name: string) => `The password of ${name} is reset. Give them this temporary password:`,
    resetOnce: "Write it down now: it will not be shown again.",
    resetAlreadyDone:
      "This reset was already done, and nothing more was changed: its temporary password was shown once, when it was made, and still works. To make a new one, press Reset password again.",
    formExpired: "This form is too old to use. Nothing was changed: reload the page and try again.",
    codeHeading: "One-time reset code",
    codeHint:
      "For a student who cannot answer the security questions: give the code in person. It works once, at Forgot Password?, until the end of the school day. A new code ends the one before.",
    codeButton: "Give a one-time reset code",
    codeDone: (name: string, until: string) =>
      `A one-time reset code for ${name}, good until ${until} or its first use. Give it to them in person:`,
    codeLocked: (name: string) =>
      `Forgot Password? is locked for ${name}: unlock the account first, then give a code.`,
    codeLabel: "One-time reset code",
    /** The school's own settings (app/admin/settings). */
    settings: {
      link: "School settings",
      heading: "School settings",
      contactEmail: "Contact e-mail for families",
      guardianHeading: "Guardian's approval",
      guardianHint:
        "When it is on, a student who cannot answer the security questions can ask at Forgot Password? for a code sent to the guardian e-mail on file. The code works once, for 30 minutes; at most one code is sent per student every 15 minutes, and three a day. The page never shows the guardian's address, and a locked account gets no code.",
      guardianNow: (on: boolean) => (on ? "Guardian's approval is on." : "Guardian's approval is off."),
      turnOn: "Turn on guardian's approval",
      turnOff: "Turn off guardian's approval",
      turnedOn: "Guardian's approval is now on for this school.",
      turnedOff: "Guardian's approval is now off for this school. Codes already sent no longer work.",
      unchanged: "Nothing was changed: it was already so.",
    },
    temporaryPassword: "Temporary password",
    clearHeading: "Clear security questions",
    clearHint:
      "For a student who forgot the answers, or whose answers someone else may know. They set up new questions after their next sign-in; until then Forgot Password? cannot reset their password.",
    clearButton: "Clear security questions",
    cleared: (name: string) => `The security questions of ${name} are cleared.`,
    accessHeading: "Account access",
    disableHint: "A disabled student cannot sign in or reset the password, and is signed out everywhere.",
    disableButton: "Disable account",
    enableButton: "Enable account",
    disabledDone: (name: string) => `The account of ${name} is disabled.`,
    enabledDone: (name: string) => `The account of ${name} is enabled.`,
    language: "Language of notices",
    languageNotSet: "Not set (English only)",
    languageHeading: "Language of notices",
    languageHint:
      "The e-mails to the student and the guardian are written in this language, with the English text below. Not set: English only.",
    languageLabel: "Language",
    languageButton: "Save language",
    languageDone: (name: string, language: string | null) =>
      language
        ? `The notices about ${name} are now written in ${language}, with the English text below.`
        : `The notices about ${name} are now written in English only.`,
    trailHeading: "Recent activity",
    trailEmpty: "Nothing recorded yet.",
    trailBy: { student: "the student", nobody: "not signed in" } as Record<string, string>,
    doneBy: (by: string, address: string | null) => `by ${by}${address ? `, from ${address}` : ""}`,
    dashboard: {
      coverageHeading: "Security questions by class",
      noClass: "No class",
      coverage: (setUp: number, students: number) => `${setUp} of ${students} set up`,
      whoNot: (className: string) => `Who in ${className} has not set up questions`,
      allCovered: "Everyone has set up questions.",
      noStudents: "No students yet.",
      activityHeading: "The last 30 days",
      totals: (resets: number, locks: number, unlocks: number) =>
        `${resets} password resets, ${locks} locks, ${unlocks} unlocks.`,
      resets: "Password resets",
      locks: "Locks",
      unlocks: "Unlocks",
      day: "Day",
      showNumbers: "Show the numbers, day by day",
    },
    audit: {
      link: "Audit log",
      heading: "Audit log",
      student: "Student (name or Login ID)",
      admin: "Done by administrator",
      anyone: "Anyone",
      action: "Action",
      anyAction: "Any action",
      from: "From (date)",
      to: "To (date)",
      filter: "Filter",
      export: "Export as CSV",
      found: (total: number) => (total === 1 ? "1 line." : `${total} lines.`),
      none: "No line matches.",
      tableCaption: "Audit log, newest first",
      when: "When",
      account: "Account",
      doneBy: "Done by",
      address: "Address",
      csvHeader: ["When (UTC)", "Action", "Login ID", "Student", "Done by", "Address"],
    },
    auditActions: {
      school_created: "School added",
      admin_created: "School administrator added",
      admin_school_granted: "Administrator given another school",
      sign_in: "Signed in",
      sign_in_failed: "Sign-in failed",
      sign_in_refused: "Sign-in refused: too many wrong passwords, waiting",
      sign_in_slowed: "Sign-in slowed after wrong passwords in a row",
      sign_out: "Signed out",
      questions_set: "Security questions set up",
      password_changed: "Password changed",
      challenge_started: "Forgot Password? started",
      challenge_passed: "Security questions answered correctly",
      challenge_failed: "Security questions answered wrongly",
      challenge_repeated: "The same wrong answers again (not counted)",
      reset_code_issued: "One-time reset code given",
      reset_code_used: "One-time reset code used",
      reset_code_failed: "One-time reset code typed wrongly",
      guardian_code_requested: "Guardian's approval asked for",
      guardian_code_sent: "Code sent to the guardian",
      guardian_code_used: "Guardian's code used",
      guardian_code_failed: "Guardian's code typed wrongly",
      guardian_approval_changed: "Guardian's approval turned on or off",
      challenge_refused: "Answers refused while locked",
      reset_path_locked: "Forgot Password? locked for a while",
      account_locked: "Account locked",
      password_reset: "Password reset with Forgot Password?",
      reset_cancelled: "Password reset cancelled",
      account_unlocked: "Account unlocked",
      password_reset_by_admin: "Password reset by the school",
      questions_cleared: "Security questions cleared by the school",
      account_disabled: "Account disabled",
      account_enabled: "Account enabled",
      language_changed: "Language of notices changed by the school",
      second_factor_enrolled: "Second factor set up",
      second_factor_passed: "Second factor passed",
      second_factor_failed: "Second factor code wrong",
      recovery_code_used: "Recovery code used",
      second_factor_locked: "Second factor locked after wrong codes",
      student_imported: "Account created by import",
      yearly_reset: "Password reset in the yearly reset",
      login_slips_collected: "Login slips opened",
      teacher_created: "Teacher added",
      teacher_classes_changed: "Teacher's classes changed",
    } as Record<string, string>,
  },
  // Cohort import, the yearly reset and the login slips (app/admin/import, yearly-reset, slips).
  ministry: {
    link: "Schools",
    heading: "Schools and their administrators",
    schoolsHeading: "Schools",
    students: (n: number) => (n === 1 ? "1 student" : `${n} students`),
    admins: "Administrators",
    noAdmins: "No administrator yet.",
    addSchoolHeading: "Add a school",
    schoolName: "School name",
    contactEmail: "Contact e-mail for families",
    addSchool: "Add school",
    schoolAdded: (name: string) => `${name} is added.`,
    schoolTaken: "A school with this name already exists.",
    addAdminHeading: "Add a school administrator",
    school: "School",
    loginId: "Login ID",
    fullName: "Full name",
    addAdmin: "Add administrator",
    adminAdded: (loginId: string, school: string) =>
      `${loginId} is an administrator of ${school}. Give them this temporary password; they choose their own and set up the second factor at the first sign-in:`,
    adminTaken: "This Login ID is already in use.",
    grantHeading: "Give an administrator another school",
    adminLoginId: "Administrator's Login ID",
    grant: "Give school",
    granted: (name: string, school: string) => `${name} can now act on ${school}.`,
    unknownAdmin: "No school administrator has this Login ID.",
    invalidEmail: "Please enter an e-mail address.",
    invalidLoginId:
      "Use 3 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit.",
    accessHeading: "Disable or enable a school administrator",
    accessHint:
      "For an administrator who has left: they are signed out everywhere at once and lose the schools they were given.",
    disable: "Disable administrator",
    enable: "Enable administrator",
    disabled: (name: string) => `${name} is disabled.`,
    enabled: (name: string) => `${name} is enabled.`,
    switchLabel: "School",
    switchButton: "Switch school",
  },
  cohort: {
    importLink: "Import students",
    yearlyResetLink: "Yearly password reset",
    importHeading: "Import students from a CSV file",
    importIntro:
      "The file needs a header row with these columns: login_id, full_name, class, student_email, guardian_email. The e-mail columns may be empty. A language column may be added (English, Chinese, Malay or Tamil, or empty): the e-mails to the family are then written in that language, with the English text below. Nothing is saved until you have checked the preview and confirmed it.",
    file: "CSV file",
    fileHint: (megabytes: number, rows: number) => `At most ${megabytes} MB and ${rows} students.`,
    upload: "Check the file",
    fileErrors: {
      missing: "Please choose a CSV file.",
      empty: "The file has no students in it.",
      tooLarge: "The file is too large.",
      tooManyRows: "The file has too many rows.",
      notUtf8: "The file is not saved as UTF-8 text. Save it again as “CSV UTF-8” and try again.",
      unreadable: "The file cannot be read as CSV. Check its quotes and save it again.",
      headers:
        "The header row must name each of these columns once: login_id, full_name, class, student_email, guardian_email.",
    },
    previewHeading: "Check the import",
    fileName: "File",
    counts: (valid: number, total: number) => `${valid} of ${total} students can be imported.`,
    problemsHeading: "Rows to fix",
    problemsIntro: (n: number) =>
      `${n === 1 ? "1 row has" : `${n} rows have`} a problem. Nothing has been imported. Fix the file and upload it again: every row must be correct before anything is imported.`,
    row: "Row",
    reasonsColumn: "Problem",
    reasons: {
      fieldCount: "The row does not have the same number of columns as the header.",
      loginIdMissing: "The Login ID is missing.",
      loginIdFormat:
        "The Login ID must be 3 to 64 letters (a–z), numbers, dots, dashes or underscores, starting with a letter or number.",
      fullNameMissing: "The full name is missing.",
      fullNameTooLong: "The full name is too long: at most 100 characters.",
      classMissing: "The class is missing.",
      classTooLong: "The class is too long: at most 40 characters.",
      studentEmailInvalid: "The student e-mail is not a valid e-mail address.",
      guardianEmailInvalid: "The guardian e-mail is not a valid e-mail address.",
      languageInvalid:
        "The language must be English, Chinese, Malay or Tamil (or en, zh, ms, ta), or left empty.",
      controlCharacters:
        "The row has characters that cannot be used (such as line breaks or tabs inside a cell).",
      formula: "A name or class cannot start with =, +, - or @.",
      markup: "A name or class cannot contain < or >.",
      loginIdRepeated: "This Login ID is already on an earlier row of the file.",
      studentEmailRepeated: "This student e-mail is already on an earlier row of the file.",
      loginIdTaken: "This Login ID is already in use.",
      studentEmailTaken: "This student e-mail is already in use.",
      usedElsewhere: "This row cannot be used. Ask the ministry.",
    } as Record<string, string>,
    allCorrect: (n: number) =>
      `Every row is correct. Confirm to create ${n === 1 ? "1 student account" : `${n} student accounts`}, each with a temporary password that must be changed at the first sign-in.`,
    confirm: "Confirm and import",
    uploadAgain: "Upload another file",
    alreadyConfirmed: "This import has been confirmed.",
    showProgress: "See its progress and login slips",
    gone: "This import can no longer be confirmed. Upload the file again.",
    schoolChanged:
      "Nothing was done: this page was opened for another school than the one you are working on now (you switched school in another tab or window). Reload the page, check the school and try again.",
    resetHeading: "Yearly password reset",
    resetIntro:
      "Every active student of the class (or of the whole school) gets a new temporary password and must change it at the next sign-in. Their old passwords stop working and every device they are signed in on is signed out. You get a set of login slips to print and hand out.",
    scope: "Reset the passwords of",
    chooseScope: "— Choose a class or the whole school —",
    wholeSchool: "The whole school",
    classOption: (className: string, students: number) =>
      `${className} (${students} ${students === 1 ? "student" : "students"})`,
    confirmWord: "RESET",
    confirmLabel: "Type RESET to confirm",
    confirmHint: "This cannot be undone: the old passwords stop working at once.",
    confirmWrong: "Type the word RESET in capital letters to confirm.",
    startReset: "Reset the passwords",
    noStudents: "There are no active students to reset there.",
    chooseScopeError: "Please choose a class or the whole school.",
    progressHeading: "Login slips",
    kinds: { import: "Import", yearly_reset: "Yearly password reset" } as Record<string, string>,
    progressLabel: "Temporary passwords made",
    progressCount: (done: number, total: number) => `${done} of ${total} temporary passwords made.`,
    working: "Working… This page refreshes itself. You can leave it and come back.",
    failed: "This did not finish, and nothing was changed. Please try again.",
    slipsReady: "The login slips are ready. They can be opened only once: print them straight away.",
    openSlips: "Open the login slips to print",
    collectIntro:
      "The login slips can be shown only once. Have the printer ready: when you press the button, they are shown here to print, and cannot be shown again.",
    collectButton: "Show and print the login slips",
    collected: (when: string) =>
      `These login slips were already opened on ${when}. They cannot be shown again.`,
    collectedHelp:
      "If a slip is lost, reset that student's password from the student's page, or run the reset again.",
    print: "Print",
    printIntro: (n: number) =>
      `${n === 1 ? "1 login slip" : `${n} login slips`}. They are shown only this once: print them now.`,
    slipHeading: "Your MIMS login",
    slipName: "Name",
    slipClass: "Class",
    slipLoginId: "Login ID",
    slipPassword: "Temporary password",
    slipWhere: "Sign in at",
    slipReminder:
      "You must choose a new password when you first sign in. Then set up your security questions, so you can reset your password yourself if you forget it.",
  },
  // A teacher's pages (app/teacher): the students of their classes.
  teacher: {
    heading: "My classes",
    intro:
      "The students of your classes. Unlock a locked account here; for a student who cannot answer the security questions, open their name and give them a one-time reset code in person.",
    noClasses: "You have no classes yet. Ask the school administrator to give you your classes.",
    classCaption: (className: string, students: number) =>
      `${className}: ${students === 1 ? "1 student" : `${students} students`}`,
    noStudents: "No students in this class.",
    student: "Student",
    loginId: "Login ID",
    className: "Class",
    questions: "Security questions",
    setUp: "Set up",
    notSetUp: "Not set up",
    lock: "Lock",
    notLocked: "Not locked",
    lockAccount: "Account locked",
    lockTemporary: (until: string) => `Forgot Password? locked until ${until}`,
    backToClasses: "Back to My classes",
    printSlip: "Print the slip",
    slipOnce: "Print the slip or write the code down now: it will not be shown again.",
    slipLabel: "One-time reset code slip",
    slipHeading: "Your one-time reset code",
    slipName: "Name",
    slipClass: "Class",
    slipLoginId: "Login ID",
    slipCode: "Code",
    slipUntil: "Works until",
    slipWhere: "Use it at",
    slipSteps:
      "Open Forgot Password? and choose “I have a code from my teacher”. Type your Login ID and this code, then choose a new password. The code works once. Do not show it to anyone.",
  },
  // The school administrator's page for teachers (app/admin/teachers).
  teachers: {
    link: "Teachers",
    heading: "Teachers and their classes",
    intro:
      "A teacher sees only the students of their classes: whether the security questions are set up and whether the account is locked. They can unlock a student of their classes and give a one-time reset code, nothing more. Teachers sign in with a password and a second factor, like administrators.",
    listHeading: "Teachers",
    none: "No teacher yet.",
    noClasses: "No class",
    disabled: "Disabled",
    classesOf: (name: string) => `Classes of ${name}`,
    classesLabel: "Classes",
    classesHint: (known: string) => `Separate classes with a semicolon (;). Your school's classes: ${known}.`,
    noKnownClasses: "Your school has no classes yet: import its students first.",
    saveClasses: "Save classes",
    classesSaved: (name: string) => `The classes of ${name} are saved.`,
    disable: "Disable teacher",
    enable: "Enable teacher",
    disabledDone: (name: string) => `${name} is disabled and signed out everywhere.`,
    enabledDone: (name: string) => `${name} is enabled.`,
    addHeading: "Add a teacher",
    loginId: "Login ID",
    fullName: "Full name",
    add: "Add teacher",
    added: (loginId: string) =>
      `${loginId} is a teacher of your school. Give them this temporary password; they choose their own and set up the second factor at the first sign-in:`,
    temporaryPassword: "Temporary password",
    shownOnce: "Write it down now: it will not be shown again.",
    taken: "This Login ID is already in use.",
    unknownClasses: (classes: string) =>
      `No student of your school is in ${classes}. Check the spelling against the classes above.`,
    classesMissing: "Give at least one class.",
    tooManyClasses: (max: number) => `At most ${max} classes.`,
    classTooLong: (max: number) => `A class name has at most ${max} characters.`,
    importHeading: "Import teachers from a CSV file",
    importIntro:
      "The file needs a header row with these columns: username, name, classes. Separate a teacher's classes with a semicolon (;), for example P4 Courage; P5 Integrity. Every row must be correct: otherwise nothing is imported, and each row to fix is listed.",
    file: "CSV file",
    fileHint: (kilobytes: number, rows: number) => `At most ${kilobytes} KB and ${rows} teachers.`,
    upload: "Import teachers",
    fileErrors: {
      missing: "Please choose a CSV file.",
      empty: "The file has no teachers in it.",
      tooLarge: "The file is too large.",
      tooManyRows: "The file has too many rows.",
      notUtf8: "The file is not saved as UTF-8 text. Save it again as “CSV UTF-8” and try again.",
      unreadable: "The file cannot be read as CSV. Check its quotes and save it again.",
      headers: "The header row must name each of these columns once: username, name, classes.",
    } as Record<string, string>,
    problemsIntro: (n: number) =>
      `${n === 1 ? "1 row has" : `${n} rows have`} a problem. Nothing has been imported. Fix the file and upload it again.`,
    problemsCaption: "Rows to fix",
    row: "Row",
    problem: "Problem",
    reasons: {
      fieldCount: "The row does not have the same number of columns as the header.",
      loginIdMissing: "The Login ID is missing.",
      loginIdFormat:
        "The Login ID must be 3 to 64 letters (a–z), numbers, dots, dashes or underscores, starting with a letter or number.",
      fullNameMissing: "The name is missing.",
      fullNameTooLong: "The name is too long: at most 100 characters.",
      classesMissing: "The classes are missing: give at least one.",
      classTooLong: "A class name is too long: at most 40 characters.",
      tooManyClasses: "There are too many classes: at most 20.",
      controlCharacters:
        "The row has characters that cannot be used (such as line breaks or tabs inside a cell).",
      formula: "A name or class cannot start with =, +, - or @.",
      markup: "A name or class cannot contain < or >.",
      loginIdRepeated: "This Login ID is already on an earlier row of the file.",
      loginIdTaken: "This Login ID is already in use.",
      usedElsewhere: "This row cannot be used. Ask the ministry.",
    } as Record<string, string>,
    imported: (n: number) =>
      `${n === 1 ? "1 teacher is" : `${n} teachers are`} added. Give each their temporary password: they choose their own and set up the second factor at the first sign-in. The passwords are shown only this once: print them or write them down now.`,
    importedCaption: "Teachers added, with their temporary passwords",
    print: "Print",
  },
  // The administrators' second factor (app/admin/second-factor).
  secondFactor: {
    enrolHeading: "Set up your second factor",
    enrolIntro:
      "School administrators and teachers sign in with a password and a code from an authenticator app (such as Google Authenticator, Microsoft Authenticator or 1Password). Set it up once now.",
    scanStep: "1. Scan this QR code with your authenticator app.",
    qrLabel: "QR code for your authenticator app",
    manualStep: "Cannot scan it? Add an account in the app by hand with this key (time-based):",
    secretLabel: "Key",
    confirmStep: "2. Type the 6-digit code the app shows.",
    code: "6-digit code",
    codeHint: "From your authenticator app. It changes every 30 seconds.",
    confirm: "Confirm",
    recoveryHeading: "Your recovery codes",
    recoveryIntro:
      "If you lose your phone, each of these codes lets you sign in once instead of a code from the app. Write them down or print them now, and keep them somewhere safe: they will not be shown again.",
    continue: "Continue to School administration",
    continueTeacher: "Continue to My classes",
    alreadySetUp: "Your second factor is set up.",
    verifyHeading: "Second factor",
    verifyIntro: "Your password is correct. Now type the 6-digit code from your authenticator app.",
    verify: "Verify",
    recoveryLink: "Lost your phone? Use a recovery code",
    recoveryCode: "Recovery code",
    recoveryHint: "One of the codes you wrote down when you set up the app, such as abcde-23456.",
    useRecovery: "Use recovery code",
    codeInvalid: "Type the 6 digits of the code.",
    recoveryInvalid: "Type a recovery code: 10 letters and numbers.",
    wrong: (triesLeft: number) =>
      `This code is not correct. ${triesLeft} ${triesLeft === 1 ? "try" : "tries"} left.`,
    reused: (triesLeft: number) =>
      `This code has already been used. Wait for the next code from the app. ${triesLeft} ${triesLeft === 1 ? "try" : "tries"} left.`,
    signedOut: "Too many wrong codes: you have been logged out. Log in again to try again.",
    locked: (minutes: number) =>
      `Too many wrong codes in a row for this account. Codes from the app are refused for ${minutes} ${minutes === 1 ? "minute" : "minutes"}. A recovery code still works.`,
  },
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
  mail: {
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
  },
  mailbox: {
    title: "Development mailbox",
    intro:
      "The e-mail notices the app has written, newest first. This page exists only in development; with SMTP_URL set, the messages are sent by e-mail as well.",
    empty: "No messages yet. Change a password or set up security questions to see one here.",
    to: "To",
    written: "Written",
    status: "Status",
    messageId: "Message-ID",
  },
  notices: {
    heading: "E-mail notices",
    failedHeading: "E-mail notices that could not be delivered",
    empty: "No e-mail notices yet.",
    noneFailed: "Every e-mail notice has been delivered or is on its way.",
    student: "Student",
    kind: "Notice",
    recipient: "To",
    status: "Status",
    written: "Written",
    sentAt: "Sent",
    tries: (n: number) => `${n} ${n === 1 ? "try" : "tries"}`,
    kinds: {
      password_changed: "Password changed",
      questions_set: "Security questions set up",
      reset_path_locked: "Forgot Password? locked",
      account_locked: "Account locked",
      sign_in_slowed: "Sign-in slowed",
      second_factor_locked: "Second factor locked",
      guardian_code: "Code for a guardian's approval",
    },
    recipients: {
      student: "Student",
      guardian: "Guardian",
      school: "School",
      administrator: "Administrator",
      ministry: "Ministry",
    },
    statuses: {
      pending: "Waiting to be sent",
      sending: "Being sent",
      sent: "Sent",
      failed: "Could not be delivered",
    },
  },
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
