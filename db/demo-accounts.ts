// The demo's schools and people (db/seed.ts writes them into an empty database). The passwords
// here are published in README.md: demo only, never seeded in production (lib/data/db.ts).
import type { Role } from "../lib/auth/roles";

type DemoUser = {
  role: Role;
  loginId: string;
  fullName: string;
  password: string;
  email?: string;
  guardianEmail?: string;
  className?: string;
  mustChangePassword?: boolean;
  /** A ministry administrator (home: this school; acts on every school). */
  ministry?: boolean;
  answers?: [number, string][];
  /** The family's language (their notices are written in it). */
  language?: "en" | "zh" | "ms" | "ta";
  /** A teacher's classes (their students are the school's students of these classes). */
  classes?: string[];
};

export const DEMO_SCHOOLS: { name: string; contactEmail: string; users: DemoUser[] }[] = [
  {
    name: "Clementi Primary School",
    contactEmail: "mims-admin@clementi-ps.example",
    users: [
      {
        role: "student",
        loginId: "alex_tan",
        fullName: "Alex Tan Wei Ming",
        password: "Sunny-Harbour-42",
        className: "P4 Courage",
        guardianEmail: "tan.family@parents.example",
      },
      {
        role: "student",
        loginId: "siti_rahman",
        fullName: "Siti Nur Rahman",
        password: "Blue-Kite-Flying-7",
        email: "siti_rahman@students.clementi-ps.example",
        guardianEmail: "rahman.family@parents.example",
        className: "P5 Integrity",
        answers: [
          [2, "purple"],
          [3, "badminton"],
          [4, "chicken rice"],
        ],
      },
      {
        role: "student",
        loginId: "nurul_huda",
        fullName: "Nurul Huda binte Ahmad",
        password: "Welcome-Clementi-2027",
        className: "P1 Kindness",
        mustChangePassword: true,
      },
      {
        role: "student",
        loginId: "priya_nair",
        fullName: "Priya Nair",
        password: "Rainbow-Pencil-31",
        email: "priya_nair@students.clementi-ps.example",
        guardianEmail: "nair.family@parents.example",
        className: "P2 Harmony",
      },
      {
        // No security questions: his form teacher gives him a one-time reset code.
        role: "student",
        loginId: "aiden_chua",
        fullName: "Aiden Chua Zi Hao",
        password: "Kite-Runner-Beach-9",
        className: "P3 Diligence",
        guardianEmail: "chua.family@parents.example",
      },
      {
        // The form teacher of P3 Diligence, who also teaches P4 Courage: sees those students only.
        role: "teacher",
        loginId: "tan_mei_hua",
        fullName: "Tan Mei Hua",
        password: "Chalk-Garden-2026",
        classes: ["P3 Diligence", "P4 Courage"],
      },
      {
        role: "admin",
        loginId: "moe_admin",
        fullName: "Ministry MIMS Administrator",
        password: "Ministry-Desk-2026",
        ministry: true,
      },
      {
        role: "admin",
        loginId: "clementi_admin",
        fullName: "Clementi MIMS Administrator",
        password: "Quiet-Library-2026",
      },
    ],
  },
  {
    name: "Jurong West Primary School",
    contactEmail: "mims-admin@jurongwest-ps.example",
    users: [
      {
        role: "student",
        loginId: "lim_wei_jie",
        fullName: "Lim Wei Jie",
        password: "Green-Paper-Boat-5",
        className: "P3 Respect",
      },
      {
        // Forgot his answers: where the school turns on the guardian's approval, a code goes to
        // his guardian's e-mail (never to his own).
        role: "student",
        loginId: "ryan_koh",
        fullName: "Ryan Koh Jun Wei",
        password: "Mango-Tree-House-25",
        email: "ryan_koh@students.jurongwest-ps.example",
        guardianEmail: "koh.family@parents.example",
        className: "P3 Respect",
      },
      {
        role: "admin",
        loginId: "jurongwest_admin",
        fullName: "Jurong West MIMS Administrator",
        password: "Silver-Bicycle-2026",
      },
    ],
  },
  {
    // Families in each language: answers set up in Chinese, Malay, Tamil and English, and one
    // student with none yet.
    name: "Tampines Garden Primary School",
    contactEmail: "mims-admin@tampines-garden-ps.example",
    users: [
      {
        role: "student",
        loginId: "mei_ling_chen",
        fullName: "Chen Mei Ling",
        password: "Lantern-Festival-88",
        className: "P4 Joy",
        guardianEmail: "chen.family@parents.example",
        language: "zh",
        answers: [
          [1, "大熊猫"],
          [4, "海南鸡饭"],
          [8, "西游记"],
        ],
      },
      {
        role: "student",
        loginId: "aisyah_ismail",
        fullName: "Nur Aisyah binte Ismail",
        password: "Durian-Season-2027",
        className: "P3 Hope",
        guardianEmail: "ismail.family@parents.example",
        language: "ms",
        answers: [
          [2, "hijau"],
          [3, "bola sepak"],
          [4, "nasi lemak"],
        ],
      },
      {
        role: "student",
        loginId: "kavya_raman",
        fullName: "Kavya Raman",
        password: "Monsoon-Kite-Flying-4",
        className: "P5 Grace",
        guardianEmail: "raman.family@parents.example",
        language: "ta",
        answers: [
          [2, "நீலம்"],
          [6, "பொம்மை வண்டி"],
          [8, "பொன்னியின் செல்வன்"],
        ],
      },
      {
        role: "student",
        loginId: "ben_ong",
        fullName: "Ben Ong Jun Hao",
        password: "Marble-Staircase-19",
        className: "P6 Wisdom",
        guardianEmail: "ong.family@parents.example",
        language: "en",
        answers: [
          [1, "golden retriever"],
          [5, "ultraman"],
          [7, "toy story"],
        ],
      },
      {
        role: "student",
        loginId: "daniel_lee",
        fullName: "Daniel Lee Kai Wen",
        password: "Paper-Plane-Sky-12",
        className: "P2 Courage",
      },
      {
        role: "student",
        loginId: "farah_aziz",
        fullName: "Farah Aziz",
        password: "Coconut-Lighthouse-6",
        className: "P1 Kindness",
      },
      {
        // Cannot answer: the school gives her a one-time reset code.
        role: "student",
        loginId: "hui_min_goh",
        fullName: "Goh Hui Min",
        password: "Origami-Crane-Flight-3",
        className: "P3 Hope",
        guardianEmail: "goh.family@parents.example",
      },
    ],
  },
];
