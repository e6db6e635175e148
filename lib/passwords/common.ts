import "server-only";

// The 10,000 most common passwords, refused whatever their letters' case. The list is the
// maintained, frequency-ranked one of @zxcvbn-ts/language-common (from the SecLists 10-million
// password list), of which we take the first 10,000. Loaded on first use, once, on the server
// only: it is ~400 kB that the browser must never download.

export const COMMON_PASSWORD_COUNT = 10_000;

let loading: Promise<ReadonlySet<string>> | undefined;

function commonPasswords(): Promise<ReadonlySet<string>> {
  loading ??= import("@zxcvbn-ts/language-common").then(
    ({ dictionary }) =>
      new Set(
        dictionary["passwords-common"].slice(0, COMMON_PASSWORD_COUNT).map((entry) => entry.toLowerCase()),
      ),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

export async function commonPasswordCount(): Promise<number> {
  return (await commonPasswords()).size;
}

export async function isCommonPassword(password: string): Promise<boolean> {
  return (await commonPasswords()).has(password.normalize("NFC").toLowerCase());
}
