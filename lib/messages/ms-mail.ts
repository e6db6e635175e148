// The e-mail notices' words in Bahasa Melayu, to the student and the family (lib/messages/ms.ts
// holds the rest, and the glossary every word here follows).
import type { PasswordChangeHow } from "@/lib/mail/compose";
import type { FamilyWords } from "./en";

export const msMail: FamilyWords["mail"] = {
  greeting: "Salam sejahtera,",
  when: "Tarikh dan masa",
  device: "Peranti",
  address: "Alamat internet",
  unknownAddress: "tidak diketahui",
  devices: {
    phone: "telefon",
    tablet: "tablet",
    computer: "komputer",
    unknown: "peranti yang tidak diketahui",
  },
  footer:
    "Mesej ini dihantar oleh perkhidmatan Tetapan Semula Kata Laluan Layan Diri Murid MIMS. Balasan kepada mesej ini tidak akan dibaca.",
  passwordChanged: {
    subject: (name: string) => `Kata laluan akaun sekolah ${name} telah ditukar`,
    text: (name: string, how: PasswordChangeHow) =>
      `Kata laluan akaun sekolah ${name} telah ditukar ${
        {
          self_service: "melalui Lupa Kata Laluan?, selepas soalan keselamatan dijawab",
          reset_code: "melalui Lupa Kata Laluan?, dengan kod sekali guna daripada pihak sekolah",
          guardian_code: "melalui Lupa Kata Laluan?, dengan kod yang dihantar ke e-mel ibu bapa atau penjaga",
          signed_in: "oleh seseorang yang log masuk dengan kata laluan lama",
          admin: "oleh pentadbir sekolah",
        }[how]
      }. Akaun ini telah dilog keluar daripada semua peranti yang sedang log masuk.`,
    notYou: (contact: string) =>
      `Jika ini bukan anda atau anak anda, mungkin ada orang lain yang tahu kata laluan atau jawapan soalan keselamatan. Sila hubungi pihak sekolah dengan segera: ${contact}`,
    notAsked: (contact: string) =>
      `Jika anda tidak meminta kata laluan baharu daripada pihak sekolah, sila hubungi pihak sekolah dengan segera: ${contact}`,
  },
  questionsSet: {
    subject: (name: string, replaced: boolean) =>
      `Soalan keselamatan ${replaced ? "ditukar" : "ditetapkan"} untuk akaun sekolah ${name}`,
    text: (name: string, replaced: boolean) =>
      `Soalan keselamatan akaun sekolah ${name} telah ${replaced ? "ditukar" : "ditetapkan"}. Sesiapa yang tahu jawapannya boleh menetapkan semula kata laluan.`,
    notYou: (contact: string) =>
      `Jika ini bukan anda atau anak anda, mungkin ada orang lain yang tahu kata laluan. Sila tukar kata laluan sekarang dan hubungi pihak sekolah: ${contact}`,
  },
  resetPathLocked: {
    subject: (name: string) => `Lupa Kata Laluan? dikunci untuk akaun sekolah ${name}`,
    text: (name: string, until: string) =>
      `Seseorang telah memberikan jawapan yang salah kepada soalan keselamatan akaun sekolah ${name} terlalu banyak kali berturut-turut. Lupa Kata Laluan? dikunci untuk akaun ini sehingga ${until}.`,
    notYou: (contact: string) =>
      `Jika ini bukan anak anda, mungkin ada orang yang cuba masuk ke akaun ini. Jika ini berlaku lagi, sila hubungi pihak sekolah: ${contact}`,
  },
  accountLocked: {
    subject: (name: string) => `Akaun sekolah ${name} dikunci`,
    text: (name: string) =>
      `Jawapan yang salah kepada soalan keselamatan akaun sekolah ${name} telah diberikan terlalu banyak kali. Akaun ini dikunci sehingga pihak sekolah membuka kuncinya. Pihak sekolah telah dimaklumkan.`,
    notYou: (contact: string) =>
      `Untuk membuka kunci akaun ini, sila hantar e-mel kepada pihak sekolah: ${contact}. Jika ini bukan anak anda, sila beritahu pihak sekolah: mungkin ada orang yang cuba masuk ke akaun ini.`,
  },
  signInSlowed: {
    subject: (name: string) => `Banyak kata laluan yang salah untuk akaun sekolah ${name}`,
    text: (name: string, failures: number, until: string) =>
      `Seseorang telah menaip kata laluan yang salah untuk akaun sekolah ${name} sebanyak ${failures} kali berturut-turut. Sehingga ${until}, setiap cubaan log masuk ke akaun ini perlu menunggu seketika, kecuali pada peranti yang pernah log masuk ke akaun ini sebelum ini. Lupa Kata Laluan? masih boleh digunakan.`,
    notYou: (contact: string) =>
      `Jika ini bukan anda atau anak anda, mungkin ada orang yang cuba meneka kata laluan. Sila pilih kata laluan baharu melalui Lupa Kata Laluan? dan beritahu pihak sekolah: ${contact}`,
  },
  guardianCode: {
    subject: (name: string) => `Kod untuk menetapkan semula kata laluan akaun sekolah ${name}`,
    text: (name: string) =>
      `Seseorang telah meminta kelulusan anda di Lupa Kata Laluan? untuk memilih kata laluan baharu bagi akaun sekolah ${name}. Jika itu anak anda, berikan kod ini kepadanya, atau taipkan kod itu bersamanya di halaman tersebut. Kod ini boleh digunakan sekali sahaja.`,
    code: "Kod",
    until: (until: string) => `Kod ini sah sehingga ${until}.`,
    notYou: (contact: string) =>
      `Jika anak anda tidak memintanya, jangan berikan kod ini kepada sesiapa: tiada siapa boleh menggunakannya tanpa e-mel ini. Jika ini berlaku lagi, maklumkan kepada pihak sekolah: ${contact}`,
  },
};
