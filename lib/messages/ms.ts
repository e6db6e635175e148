import type { FamilyWords } from "./en";
import { msMail } from "./ms-mail";

// Bahasa Melayu (as used in Singapore schools), for children from seven years old and their families.
// Glossary (the same word for the same thing everywhere):
//   Login ID ................... ID Log Masuk
//   Log In (button/heading) .... Log Masuk; to log in/sign in: log masuk
//   Log Out .................... Log Keluar; logged out: log keluar / dilog keluar
//   password ................... kata laluan
//   Current / New / Confirm Password: Kata Laluan Semasa / Kata Laluan Baharu / Sahkan Kata Laluan
//   temporary password ......... kata laluan sementara
//   Forgot Password? ........... Lupa Kata Laluan?
//   Change Password ............ Tukar Kata Laluan
//   reset (the password) ....... tetapkan semula (noun: tetapan semula)
//   security question(s) ....... soalan keselamatan
//   set up (questions) ......... tetapkan
//   answer ..................... jawapan (security answers: jawapan soalan keselamatan)
//   Check Answers .............. Semak Jawapan
//   Save Answers ............... Simpan Jawapan
//   the school (acting) ........ pihak sekolah; school (the place/name): sekolah
//   student .................... murid
//   username ................... nama pengguna
//   account / school account ... akaun / akaun sekolah
//   locked / unlock ............ dikunci / buka kunci
//   e-mail ..................... e-mel
//   character / symbol ......... aksara / simbol
//   uppercase / lowercase ...... huruf besar / huruf kecil
//   number ..................... nombor
//   try / tries ................ cubaan
//   device ..................... peranti
//   service .................... perkhidmatan
//   minute(s) .................. minit (no plural form)
//   Show / Hide ................ Tunjuk / Sembunyi
//   Back to Log In ............. Kembali ke Log Masuk
//   Start again ................ Mula semula
//   MIMS Portal ................ Portal MIMS

export const ms: FamilyWords = {
  app: {
    name: "Tetapan Semula Kata Laluan Layan Diri Murid MIMS",
    ssprTitle: "Tetapan Semula Kata Laluan Layan Diri",
    skipToContent: "Langkau ke kandungan utama",
  },
  language: {
    label: "Bahasa",
  },
  login: {
    heading: "Log Masuk",
    intro: "Log masuk ke Portal MIMS dengan ID Log Masuk dan kata laluan anda.",
    loginId: "ID Log Masuk",
    loginIdHint: "Nama pengguna anda atau alamat e-mel murid anda",
    password: "Kata Laluan",
    submit: "Log Masuk",
    forgot: "Lupa Kata Laluan?",
    failed: "ID Log Masuk atau kata laluan tidak betul. Sila cuba lagi.",
    slowed: (minutes: number) =>
      `Terlalu banyak kata laluan yang salah untuk ID Log Masuk ini. Sila tunggu ${minutes} minit dan cuba lagi, atau gunakan Lupa Kata Laluan? untuk memilih kata laluan baharu.`,
    passwordChanged: "Kata laluan anda sudah ditukar. Sila log masuk dengan kata laluan baharu anda.",
    signedOut: "Anda sudah log keluar.",
  },
  portal: {
    heading: "Portal MIMS",
    welcome: (name: string) => `Selamat datang, ${name}`,
    menu: "Menu utama",
    setupQuestions: "Tetapkan Soalan Keselamatan",
    changePassword: "Tukar Kata Laluan",
    logOut: "Log Keluar",
    questionsReady:
      "Soalan keselamatan anda sudah ditetapkan. Jika anda lupa kata laluan, anda boleh menetapkan semula kata laluan anda sendiri.",
    questionsMissing:
      "Sila tetapkan soalan keselamatan anda sekarang. Tanpa soalan keselamatan, anda tidak boleh menetapkan semula kata laluan anda sendiri jika anda lupa kata laluan.",
    questionsMissingAction: "Tetapkan soalan keselamatan",
    answersSaved: "Jawapan soalan keselamatan anda sudah disimpan.",
  },
  setup: {
    heading: "Tetapkan Soalan Keselamatan",
    intro:
      "Jika anda lupa kata laluan, anda boleh masuk semula ke akaun anda dengan menjawab soalan keselamatan anda.",
    warning:
      "Jawapan ini boleh digunakan untuk masuk ke akaun anda. Jadi, pilih jawapan yang tidak mudah diteka atau diketahui oleh orang lain. Jangan beritahu sesiapa jawapan anda.",
    question: (n: number) => `Soalan ${n}`,
    placeholder: "— Sila pilih satu soalan daripada senarai —",
    prompt: "Sila taip jawapan soalan keselamatan anda",
    answer: (n: number) => `Jawapan ${n}`,
    answerHint: "3 hingga 40 huruf atau nombor. Huruf besar dan ruang kosong yang lebih tidak diambil kira.",
    currentPassword: "Kata Laluan Semasa",
    currentPasswordHint:
      "Anda sudah ada jawapan soalan keselamatan. Taip kata laluan anda untuk menggantikan jawapan itu.",
    currentPasswordHintLateSignIn: (minutes: number) =>
      `Anda log masuk lebih daripada ${minutes} minit yang lalu. Taip kata laluan anda untuk menunjukkan bahawa ini memang anda.`,
    submit: "Simpan Jawapan",
    fixErrors: "Sila semak jawapan yang ditanda di bawah.",
  },
  changePassword: {
    heading: "Tukar Kata Laluan",
    intro:
      "Sila tukar kata laluan anda. Jaga kata laluan baharu anda baik-baik. Selepas anda menaip kata laluan baharu, klik butang Tukar Kata Laluan. Jika anda perlu menulisnya, pastikan anda menyimpannya di tempat yang selamat.",
    mustChange:
      "Pihak sekolah sudah menetapkan semula kata laluan anda. Sila pilih kata laluan baharu sebelum anda meneruskan.",
    mustChangeAdmin:
      "Anda log masuk dengan kata laluan sementara. Pilih kata laluan anda sendiri sekarang: halaman pentadbiran sekolah akan dibuka selepas kata laluan ditukar.",
    mustChangeTeacher:
      "Anda log masuk dengan kata laluan sementara. Pilih kata laluan anda sendiri sekarang: halaman kelas anda akan dibuka selepas kata laluan ditukar.",
    requirementsIntro: "Kata laluan baharu anda mesti memenuhi syarat berikut:",
    prompt: "Sila taip kata laluan baharu anda",
    currentPassword: "Kata Laluan Semasa",
    newPassword: "Kata Laluan Baharu",
    newPasswordHint: "Fikirkan kata laluan baharu",
    confirmPassword: "Sahkan Kata Laluan",
    confirmPasswordHint: "Taip semula kata laluan baharu anda",
    submit: "Tukar Kata Laluan",
    cancel: "Batal",
    wrongCurrent: "Kata laluan semasa anda tidak betul.",
    fixErrors: "Sila semak kata laluan yang ditanda di bawah.",
  },
  policy: {
    checklistLabel: "Syarat kata laluan",
    met: "sudah",
    notMet: "belum",
    progress: (met: number, total: number) =>
      met === total ? "Semua syarat sudah dipenuhi." : `${met} daripada ${total} syarat sudah dipenuhi.`,
    caseSensitive: "Kata laluan membezakan huruf besar dan huruf kecil.",
    length: "Mesti sekurang-kurangnya 12 aksara.",
    firstChar: "Aksara pertama tidak boleh simbol (aksara yang bukan huruf atau nombor).",
    noName: "Tidak boleh mengandungi sebahagian daripada nama anda atau nama pengguna anda.",
    classes:
      "Mesti ada sekurang-kurangnya tiga daripada jenis aksara berikut: Huruf besar (A-Z), Huruf kecil (a-z), Nombor (0-9), Simbol (!, #, $, dan lain-lain)",
    confirm: "Sahkan Kata Laluan mesti sama dengan Kata Laluan Baharu.",
    errors: {
      length: "Kata laluan mesti sekurang-kurangnya 12 aksara.",
      maxLength: "Kata laluan tidak boleh lebih daripada 256 aksara.",
      firstChar: "Aksara pertama tidak boleh simbol. Mulakan dengan huruf atau nombor.",
      classes:
        "Gunakan sekurang-kurangnya tiga daripada yang berikut: huruf besar, huruf kecil, nombor dan simbol.",
      noName: (part: string) =>
        `Kata laluan tidak boleh mengandungi sebahagian daripada nama anda atau nama pengguna anda ("${part}").`,
      confirm: "Kedua-dua kata laluan tidak sama. Sila taip semula.",
      common:
        "Kata laluan ini antara kata laluan yang paling biasa digunakan, jadi ia mudah diteka. Sila pilih kata laluan lain.",
      contextWord: (word: string) =>
        `Kata laluan tidak boleh mengandungi nama sekolah atau nama perkhidmatan ini ("${word}").`,
      reused:
        "Anda baru sahaja menggunakan kata laluan ini. Pilih kata laluan yang bukan salah satu daripada 5 kata laluan terakhir anda.",
    },
  },
  sspr: {
    landingHeading: "Lupa kata laluan anda?",
    landingIntro:
      "Jika anda sudah menetapkan soalan keselamatan, anda boleh menetapkan semula kata laluan anda sendiri dengan menjawab soalan itu.",
    forgot: "Lupa Kata Laluan?",
    searchHeading: "Tetapkan semula kata laluan",
    searchIntro: "Taip ID Log Masuk anda: nama pengguna anda atau alamat e-mel murid anda.",
    loginId: "ID Log Masuk",
    search: "Cari",
    challengeHeading: "Lupa Kata Laluan",
    challengeIntro:
      "Sila jawab soalan berikut. Jika jawapan anda betul, anda boleh menetapkan semula kata laluan anda.",
    checkAnswers: "Semak Jawapan",
    wrongAnswers:
      "Jawapan tidak betul. Sila cuba lagi. Jika terlalu banyak jawapan yang salah, akaun akan dikunci.",
    noLoginId: "Sila mula semula dan taip ID Log Masuk anda.",
    grantGone: "Tetapan semula kata laluan ini sudah tamat. Sila mula semula.",
    doneHeading: "Kata laluan sudah ditukar",
    doneText: "Kata laluan anda sudah ditukar. Sekarang anda boleh log masuk dengan kata laluan baharu anda.",
    continue: "Teruskan",
    backToLogin: "Kembali ke Log Masuk",
    startAgain: "Mula semula",
    codeLink: "Saya ada kod daripada guru saya",
    codeHeading: "Guna kod daripada guru",
    codeIntro:
      "Taipkan ID Log Masuk anda dan kod yang diberikan oleh guru anda. Kod ini boleh digunakan sekali sahaja, sehingga tamat hari persekolahan.",
    code: "Kod daripada guru",
    codeHint: "8 huruf dan nombor, contohnya ACDE-7KMN",
    useCode: "Guna Kod",
    codeWrong:
      "ID Log Masuk atau kod tidak betul. Sila semak dan cuba lagi. Terlalu banyak cubaan yang salah akan mengunci akaun.",
    guardianLink: "Minta kelulusan ibu bapa atau penjaga saya",
    guardianHeading: "Minta bantuan ibu bapa atau penjaga anda",
    guardianIntro:
      "Jika anda tidak dapat menjawab soalan keselamatan anda, ibu bapa atau penjaga anda boleh meluluskan kata laluan baharu. Taipkan ID Log Masuk anda: kami akan menghantar kod ke alamat e-mel ibu bapa atau penjaga anda yang ada dalam rekod sekolah. Kod ini sah selama 30 minit.",
    guardianSend: "Hantar Kod",
    guardianSent:
      "Jika alamat e-mel ibu bapa atau penjaga anda ada dalam rekod, kod telah dihantar ke alamat itu. Kod ini sah selama 30 minit.",
    guardianCodeLink: "Saya ada kod daripada ibu bapa atau penjaga saya",
    guardianCodeHeading: "Guna kod daripada ibu bapa atau penjaga anda",
    guardianCodeIntro:
      "Taipkan ID Log Masuk anda dan kod daripada e-mel yang diterima oleh ibu bapa atau penjaga anda. Kod ini boleh digunakan sekali sahaja, dalam masa 30 minit.",
    guardianCode: "Kod daripada e-mel",
    guardianCodeHint: "6 huruf dan nombor, contohnya KMN-479",
    guardianNewCode: "Hantar kod baharu",
  },
  questions: {
    1: "Apakah haiwan kegemaran anda?",
    2: "Apakah warna kegemaran anda?",
    3: "Apakah sukan atau hobi kegemaran anda?",
    4: "Apakah makanan kegemaran anda?",
    5: "Siapakah wira kartun/kumpulan muzik pop kegemaran anda?",
    6: "Apakah mainan kegemaran anda?",
    7: "Apakah filem kegemaran anda?",
    8: "Apakah buku kegemaran anda?",
  },
  reveal: {
    show: "Tunjuk",
    hide: "Sembunyi",
    showPassword: "Tunjukkan kata laluan",
    hidePassword: "Sembunyikan kata laluan",
  },
  locked: {
    heading: "Akaun dikunci",
    temporaryMinutes: (minutes: number) =>
      `Akaun ini dikunci kerana terlalu banyak cubaan yang salah. Anda boleh cuba lagi dalam ${minutes} minit, atau minta pihak sekolah membuka kunci akaun ini.`,
    account: "Akaun ini dikunci kerana terlalu banyak cubaan yang salah.",
    ask: "Sila hantar e-mel kepada pihak sekolah untuk meminta akaun ini dibuka kunci dan diaktifkan semula:",
    pickSchool: "Pilih sekolah anda untuk melihat alamat e-melnya",
    school: "Sekolah",
    show: "Tunjukkan alamat e-mel",
    thanks: "Terima kasih",
  },
  errors: {
    summary: "Ada masalah",
    required: "Sila isi ruangan ini.",
    tooLong: (max: number) => `Ini terlalu panjang: paling banyak ${max} aksara.`,
    invalid: "Ada aksara yang tidak boleh digunakan di sini.",
    chooseQuestion: "Sila pilih satu soalan.",
    questionRepeated: "Sila pilih tiga soalan yang berbeza.",
    answerTooShort: "Jawapan mesti sekurang-kurangnya 3 aksara.",
    answerTooLong: "Jawapan tidak boleh lebih daripada 40 aksara.",
    answerRepeated: "Setiap jawapan mesti berbeza.",
    answerIsName: "Jawapan tidak boleh nama anda atau ID Log Masuk anda.",
    answerIsQuestion: "Jawapan tidak boleh sama dengan perkataan dalam soalan.",
    answerInvalid: "Jawapan ada aksara yang tidak boleh digunakan.",
    generic: "Ada masalah. Sila cuba lagi.",
    busy: "Perkhidmatan ini sibuk. Sila cuba lagi dalam satu minit.",
    tryAgain: "Cuba lagi",
  },
  rateLimit: {
    heading: "Terlalu banyak cubaan",
    text: (minutes: number) =>
      `Terlalu banyak cubaan daripada rangkaian ini. Sila tunggu ${minutes} minit dan cuba lagi.`,
    back: "Kembali ke Log Masuk",
  },
  tooLarge: {
    heading: "Teks itu terlalu panjang",
    text: (_minutes: number) =>
      "Apa yang dihantar jauh lebih panjang daripada mana-mana jawapan di halaman ini. Sila kembali dan taip semula.",
    back: "Kembali",
  },
  busy: {
    heading: "Perkhidmatan sedang sibuk",
    text: (minutes: number) =>
      `Ramai orang sedang menggunakan perkhidmatan ini. Sila cuba lagi dalam ${minutes} minit.`,
    back: "Kembali ke Log Masuk",
  },
  mail: msMail,
  notFound: {
    heading: "Halaman tidak dijumpai",
    text: "Halaman ini tidak wujud.",
    home: "Pergi ke Log Masuk",
  },
};
