// The e-mail notices' words in Chinese, to the student and the family (lib/messages/zh.ts
// holds the rest, and the glossary every word here follows).
import type { PasswordChangeHow } from "@/lib/mail/compose";
import type { FamilyWords } from "./en";

export const zhMail: FamilyWords["mail"] = {
  greeting: "您好，",
  when: "时间",
  device: "设备",
  address: "网络地址",
  unknownAddress: "未知",
  devices: { phone: "手机", tablet: "平板电脑", computer: "电脑", unknown: "未知设备" },
  footer: "这封电邮由 MIMS 学生自助重设密码服务发送。回复这封电邮，不会有人阅读。",
  passwordChanged: {
    subject: (name: string) => `${name}的学校账户密码已更改`,
    text: (name: string, how: PasswordChangeHow) =>
      `${name}的学校账户密码${
        {
          self_service: "已在回答安全问题后，通过“忘记密码？”更改",
          reset_code: "已通过“忘记密码？”，使用学校给的一次性代码更改",
          guardian_code: "已通过“忘记密码？”，使用发送到家长或监护人电邮的代码更改",
          signed_in: "已由一位用旧密码登录的人更改",
          admin: "已由学校管理员更改",
        }[how]
      }。所有已登录的设备都已登出。`,
    notYou: (contact: string) =>
      `如果这不是您或您的孩子做的，可能有其他人知道密码或安全问题的答案。请立即联系学校：${contact}`,
    notAsked: (contact: string) => `如果您没有要求学校设置新密码，请立即联系学校：${contact}`,
  },
  questionsSet: {
    subject: (name: string, replaced: boolean) => `${name}的学校账户安全问题已${replaced ? "更改" : "设置"}`,
    text: (name: string, replaced: boolean) =>
      `${name}的学校账户安全问题已经${replaced ? "更改" : "设置好"}。任何知道答案的人都可以重设密码。`,
    notYou: (contact: string) =>
      `如果这不是您或您的孩子做的，可能有其他人知道密码。请立即更改密码，并联系学校：${contact}`,
  },
  resetPathLocked: {
    subject: (name: string) => `${name}的学校账户：“忘记密码？”已被锁定`,
    text: (name: string, until: string) =>
      `有人连续多次答错${name}的学校账户的安全问题。这个账户的“忘记密码？”已被锁定，直到${until}。`,
    notYou: (contact: string) =>
      `如果这不是您的孩子做的，可能有人想进入这个账户。如果再次发生，请联系学校：${contact}`,
  },
  accountLocked: {
    subject: (name: string) => `${name}的学校账户已被锁定`,
    text: (name: string) =>
      `有人多次答错${name}的学校账户的安全问题。这个账户已被锁定，要等学校解锁后才能使用。学校已经收到通知。`,
    notYou: (contact: string) =>
      `如需解锁，请发电邮给学校：${contact}。如果这不是您的孩子做的，请告诉学校：可能有人想进入这个账户。`,
  },
  signInSlowed: {
    subject: (name: string) => `${name}的学校账户多次输入错误密码`,
    text: (name: string, failures: number, until: string) =>
      `有人为${name}的学校账户连续输入了${failures}次错误密码。在${until}之前，用这个账户登录时，每次尝试之间都要等一会儿；以前登录过这个账户的设备除外。“忘记密码？”仍然可以使用。`,
    notYou: (contact: string) =>
      `如果这不是您或您的孩子做的，可能有人在猜密码。请使用“忘记密码？”设置新密码，并告诉学校：${contact}`,
  },
  guardianCode: {
    subject: (name: string) => `重设${name}学校账户密码的代码`,
    text: (name: string) =>
      `有人在“忘记密码？”请求您批准为${name}的学校账户设置新密码。如果是您的孩子，请把这个代码告诉他们，或在页面上和他们一起输入。代码只能用一次。`,
    code: "代码",
    until: (until: string) => `代码有效期至${until}。`,
    notYou: (contact: string) =>
      `如果不是您的孩子请求的，请不要把代码告诉任何人：没有这封电邮，谁也用不了这个代码。如果再次发生，请告诉学校：${contact}`,
  },
};
