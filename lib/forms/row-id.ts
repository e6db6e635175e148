// Row ids are PostgreSQL integers: positive, and no row has a larger id than ROW_ID_MAX
// (PostgreSQL refuses even to compare a larger number with one). Every id that arrives from
// outside (a URL, a form field, a cookie) is read here.

export const ROW_ID_MAX = 2_147_483_647;

const DIGITS = /^[1-9]\d{0,9}$/;

/** Whether a number can be a row's id. */
export function isRowId(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= ROW_ID_MAX;
}

/** A row id written as text (digits only, no sign, no leading zero), or undefined. */
export function parseRowId(value: string | null | undefined): number | undefined {
  if (!value || !DIGITS.test(value)) return undefined;
  const id = Number(value);
  return isRowId(id) ? id : undefined;
}
