import { config } from "@/lib/server/config";

// How the pages show a moment to the school: date and time in the school's time zone
// (SCHOOL_TIME_ZONE, the same the notices use). One formatter for every page (Intl formatters are
// costly to make per request).
export const schoolTime = new Intl.DateTimeFormat("en-SG", {
  timeStyle: "short",
  dateStyle: "medium",
  timeZone: config.schoolTimeZone,
});

/** A moment's day in the school's time zone, as YYYY-MM-DD. */
export const schoolDay = (date: Date): string =>
  new Intl.DateTimeFormat("en-CA", { timeZone: config.schoolTimeZone }).format(date);
