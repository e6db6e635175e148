// How the pages show a moment to the school: date and time in Singapore, as the school reads it.
// One formatter for every page (Intl formatters are costly to make per request).
export const schoolTime = new Intl.DateTimeFormat("en-SG", {
  timeStyle: "short",
  dateStyle: "medium",
  timeZone: "Asia/Singapore",
});
