// What the teacher's "Give a one-time reset code" answers: the code, once, and what its slip says.
// Kept nowhere but in this answer (the code is stored only as its hash).

export type ResetCodeState = {
  status: "idle" | "error" | "success";
  message?: string;
  slip?: { fullName: string; loginId: string; className: string; code: string; until: string };
};

export const NO_CODE: ResetCodeState = { status: "idle" };
