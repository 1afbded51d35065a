/** The engine's public surface: what hosts (CLI, add-in, preview, functions) may use. */
export * from "./grid";
export * from "./report";
export { FIELDS, type FieldKey } from "./kinds/submission/fields";
export type { FieldSpec, SheetKind } from "./kinds/kind";
export { KINDS, fieldLabel, kindName, kindText, type KindId } from "./kinds";
export { submissionKind } from "./kinds/submission";
export { meetingsKind } from "./kinds/meetings";
export { developmentKind } from "./kinds/development";
export { DEFAULT_SETTINGS, LEVEL_SCHEMES, combineMethodOf, withDefaults, type CombineMethod, type MeetingType, type Settings } from "./settings";
export { validate, validateWorkbooks, type ValidateOptions, type Validation, type WorkbookInput } from "./validate";
export { RULES, RULES_VERSION, ruleTitle, ruleDescription } from "./rules";
export { FLAG_IDS, flagLabel, flagDescription } from "./flags";
export { flagLabelsOfRows } from "./kinds/submission/rowFlags";
export { computeFlags, meetingGap, type FlagInput, type FlagResult } from "./kinds/submission/flags";
export { meetingType, MEETING_KINDS } from "./meetingTypes";
export * from "./rates";
export * from "./scoring";
export * from "./sheets";
