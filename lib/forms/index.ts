// Every form's schema, by feature, and the one way an action reads its form (parse.ts). Server
// code imports from here; browser code imports the one file it needs (state.ts on the public
// pages, which must not load zod), so that no schema or zod reaches a page that does not use it.
export * from "./cohort";
export * from "./fields";
export * from "./ministry";
export * from "./parse";
export * from "./passwords";
export * from "./questions";
export * from "./reset";
export * from "./school-settings";
export * from "./second-factor";
export * from "./sign-in";
export * from "./state";
export * from "./students";
export * from "./teachers";
