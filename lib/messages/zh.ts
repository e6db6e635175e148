import type { FamilyWords } from "./en";
import { zhMail } from "./zh-mail";

// Simplified Chinese (as used in Singapore schools). Pages speak to the child (你); the e-mail
// notices speak to the parent (您). The same word for the same thing everywhere:
//
//   MIMS                         MIMS (kept as is)
//   MIMS Portal                  MIMS 门户
//   Self-Service Password Reset  自助重设密码
//   Login ID                     登录账号
//   username                     用户名
//   account                      账户 (school account: 学校账户)
//   password                     密码
//   Current / New / Confirm Password  现在的密码 / 新密码 / 确认密码
//   temporary password           临时密码
//   security question(s)         安全问题
//   answer(s)                    答案
//   the school                   学校
//   Forgot Password?             忘记密码？ (in sentences: “忘记密码？”)
//   Change Password              更改密码
//   reset (a password)           重设 (密码)
//   choose / set up              设置 (设置新密码, 设置安全问题)
//   Log In / sign in             登录
//   Log Out / sign out           登出
//   Check Answers                检查答案
//   locked / unlock              锁定 / 解锁
//   e-mail                       电邮
//   device                       设备
//   character                    字符
//   uppercase / lowercase        大写字母 / 小写字母
//   number / symbol              数字 / 符号
//   service (busy)               系统

export const zh: FamilyWords = {
  app: {
    name: "MIMS 学生自助重设密码",
    ssprTitle: "自助重设密码",
    skipToContent: "跳到主要内容",
  },
  language: {
    label: "语言",
  },
  login: {
    heading: "登录",
    intro: "请用你的登录账号和密码登录 MIMS 门户。",
    loginId: "登录账号",
    loginIdHint: "你的用户名或学生电邮地址",
    password: "密码",
    submit: "登录",
    forgot: "忘记密码？",
    failed: "登录账号或密码不正确。请再试一次。",
    slowed: (minutes: number) =>
      `这个登录账号输错密码的次数太多了。请等${minutes}分钟后再试，或者使用“忘记密码？”设置新密码。`,
    passwordChanged: "你的密码已经更改。请用新密码登录。",
    signedOut: "你已经登出。",
  },
  portal: {
    heading: "MIMS 门户",
    welcome: (name: string) => `欢迎你，${name}`,
    menu: "主菜单",
    setupQuestions: "设置安全问题",
    changePassword: "更改密码",
    logOut: "登出",
    questionsReady: "你的安全问题已经设置好了。如果忘记密码，你可以自己重设密码。",
    questionsMissing: "请现在设置你的安全问题。没有安全问题，忘记密码时你就不能自己重设密码。",
    questionsMissingAction: "设置安全问题",
    answersSaved: "你的安全问题答案已经保存。",
  },
  setup: {
    heading: "设置安全问题",
    intro: "如果你忘记密码，只要回答安全问题，就可以重新进入你的账户。",
    warning: "别人可以用这些答案进入你的账户，所以请选别人不容易猜到或查到的答案。不要把答案告诉任何人。",
    question: (n: number) => `问题${n}`,
    placeholder: "— 请从列表中选择一个问题 —",
    prompt: "请输入你的安全问题答案",
    answer: (n: number) => `答案${n}`,
    answerHint: "3到40个字符（字母、数字或汉字都可以）。大小写和多余的空格都没有关系。",
    currentPassword: "现在的密码",
    currentPasswordHint: "你已经有安全问题的答案了。请输入你的密码，才能换成新的答案。",
    currentPasswordHintLateSignIn: (minutes: number) =>
      `你登录已经超过${minutes}分钟了。请输入你的密码，证明是你本人。`,
    submit: "保存答案",
    fixErrors: "请检查下面标出的答案。",
  },
  changePassword: {
    heading: "更改密码",
    intro:
      "请更改你的密码，并保管好你的新密码。输入新密码后，请点击“更改密码”按钮。如果一定要把密码写下来，请放在安全的地方。",
    mustChange: "学校已经重设了你的密码。请先设置一个新密码，然后再继续。",
    mustChangeAdmin: "你是用临时密码登录的。请现在设置你自己的密码：密码更改后，才能进入学校管理页面。",
    mustChangeTeacher: "你是用临时密码登录的。请现在设置你自己的密码：密码更改后，才能进入你的班级页面。",
    requirementsIntro: "你的新密码必须符合以下要求：",
    prompt: "请输入你的新密码",
    currentPassword: "现在的密码",
    newPassword: "新密码",
    newPasswordHint: "想一个新密码",
    confirmPassword: "确认密码",
    confirmPasswordHint: "再输入一次新密码",
    submit: "更改密码",
    cancel: "取消",
    wrongCurrent: "你现在的密码不正确。",
    fixErrors: "请检查下面标出的密码。",
  },
  policy: {
    checklistLabel: "密码要求",
    met: "已做到",
    notMet: "还没做到",
    progress: (met: number, total: number) =>
      met === total ? "所有要求都做到了。" : `${total}个要求中做到了${met}个。`,
    caseSensitive: "密码区分大小写。",
    length: "至少要有12个字符。",
    firstChar: "第一个字符不可以是符号（字母和数字以外的字符）。",
    noName: "不可以包含你的姓名或用户名的一部分。",
    classes:
      "以下四种字符中，至少要有三种：大写字母（A-Z）、小写字母（a-z）、数字（0-9）、符号（!、#、$ 等）。",
    confirm: "“确认密码”必须和“新密码”一样。",
    errors: {
      length: "密码至少要有12个字符。",
      maxLength: "密码最多只能有256个字符。",
      firstChar: "第一个字符不可以是符号。请用字母或数字开头。",
      classes: "大写字母、小写字母、数字和符号，至少要用其中三种。",
      noName: (part: string) => `密码不可以包含你的姓名或用户名的一部分（“${part}”）。`,
      confirm: "两次输入的密码不一样。请重新输入。",
      common: "这是最常见的密码之一，很容易被猜到。请换一个。",
      contextWord: (word: string) => `密码不可以包含学校或这个服务的名称（“${word}”）。`,
      reused: "你最近用过这个密码。请选一个和你最近5个密码都不一样的密码。",
    },
  },
  sspr: {
    landingHeading: "忘记密码了吗？",
    landingIntro: "如果你已经设置了安全问题，只要回答这些问题，就可以自己重设密码。",
    forgot: "忘记密码？",
    searchHeading: "重设密码",
    searchIntro: "请输入你的登录账号：你的用户名或学生电邮地址。",
    loginId: "登录账号",
    search: "搜索",
    challengeHeading: "忘记密码",
    challengeIntro: "请回答以下问题。如果全部答对，你就可以重设密码。",
    checkAnswers: "检查答案",
    wrongAnswers: "答案不正确。请再试一次。答错太多次，账户会被锁定。",
    noLoginId: "请重新开始，并输入你的登录账号。",
    grantGone: "这次重设密码已经结束。请重新开始。",
    doneHeading: "密码已更改",
    doneText: "你的密码已经更改。现在你可以用新密码登录了。",
    continue: "继续",
    backToLogin: "返回登录",
    startAgain: "重新开始",
    codeLink: "我有老师给的代码",
    codeHeading: "使用老师给的代码",
    codeIntro: "请输入你的登录账号和老师给你的代码。代码只能用一次，今天之内有效。",
    code: "老师给的代码",
    codeHint: "8个字母和数字，例如 ACDE-7KMN",
    useCode: "使用代码",
    codeWrong: "登录账号或代码不正确。请检查后再试。错误次数太多，账户会被锁定。",
    guardianLink: "请家长或监护人批准",
    guardianHeading: "请家长或监护人帮忙",
    guardianIntro:
      "如果你答不出安全问题，可以请家长或监护人批准你设置新密码。请输入你的登录账号：我们会把代码发送到学校记录的家长或监护人电邮地址。代码在30分钟内有效。",
    guardianSend: "发送代码",
    guardianSent: "如果学校记录了你家长或监护人的电邮地址，代码已经发送过去了。代码在30分钟内有效。",
    guardianCodeLink: "我有家长或监护人收到的代码",
    guardianCodeHeading: "使用家长或监护人收到的代码",
    guardianCodeIntro:
      "请输入你的登录账号，以及你的家长或监护人在电邮里收到的代码。代码只能用一次，30分钟内有效。",
    guardianCode: "电邮里的代码",
    guardianCodeHint: "6个字母和数字，例如 KMN-479",
    guardianNewCode: "发送新的代码",
  },
  questions: {
    1: "你最喜欢的动物是什么？",
    2: "你最喜欢的颜色是什么？",
    3: "你最喜欢的运动或爱好是什么？",
    4: "你最喜欢的食物是什么？",
    5: "你最喜欢的卡通英雄或流行乐团是什么？",
    6: "你最喜欢的玩具是什么？",
    7: "你最喜欢的电影是什么？",
    8: "你最喜欢的书是什么？",
  },
  reveal: { show: "显示", hide: "隐藏", showPassword: "显示密码", hidePassword: "隐藏密码" },
  locked: {
    heading: "账户已锁定",
    temporaryMinutes: (minutes: number) =>
      `因为错误尝试的次数太多，这个账户已被锁定。你可以在${minutes}分钟后再试，或者请学校解锁。`,
    account: "因为错误尝试的次数太多，这个账户已被锁定。",
    ask: "请发电邮通知学校，请学校为账户解锁并重新启用：",
    pickSchool: "选择你的学校，查看学校的电邮地址",
    school: "学校",
    show: "显示电邮地址",
    thanks: "谢谢",
  },
  errors: {
    summary: "出现了问题",
    required: "请填写这一项。",
    tooLong: (max: number) => `内容太长了：最多${max}个字符。`,
    invalid: "这里有不能使用的字符。",
    chooseQuestion: "请选择一个问题。",
    questionRepeated: "请选择三个不同的问题。",
    answerTooShort: "答案至少要有3个字符。",
    answerTooLong: "答案最多只能有40个字符。",
    answerRepeated: "每个答案都必须不一样。",
    answerIsName: "答案不可以是你的姓名或登录账号。",
    answerIsQuestion: "答案不可以照抄问题。",
    answerInvalid: "答案里有不能使用的字符。",
    generic: "出了点问题。请再试一次。",
    busy: "系统正忙。请过一分钟再试。",
    tryAgain: "再试一次",
  },
  rateLimit: {
    heading: "尝试次数太多",
    text: (minutes: number) => `这个网络的尝试次数太多了。请等${minutes}分钟后再试。`,
    back: "返回登录",
  },
  tooLarge: {
    heading: "文字太多了",
    text: (_minutes: number) => "你发送的内容比这个页面上任何答案都长得多。请返回，再输入一次。",
    back: "返回",
  },
  busy: {
    heading: "系统繁忙",
    text: (minutes: number) => `现在有很多人在使用这个系统。请在${minutes}分钟后再试。`,
    back: "返回登录",
  },
  mail: zhMail,
  notFound: { heading: "找不到页面", text: "这个页面不存在。", home: "前往登录" },
};
