/** The engine's public surface: what hosts (CLI, add-in, preview, functions) may use. */
export * from "./grid";
export * from "./report";
export { FIELDS, type FieldKey, type FieldSpec } from "./schema";
export { DEFAULT_SETTINGS, LEVEL_SCHEMES, combineMethodOf, withDefaults, type CombineMethod, type MeetingType, type Settings } from "./settings";
export { validate, validateWorkbooks, type ValidateOptions, type Validation, type WorkbookInput } from "./validate";
export { RULES, RULES_VERSION, FLAG_IDS, flagLabel, flagDescription, ruleTitle, ruleDescription } from "./rules";
export { flagLabelsOfRows } from "./rowFlags";
export { computeFlags, meetingGap, meetingType, type FlagInput, type FlagResult } from "./flags";
export * from "./rates";
export * from "./scoring";
export * from "./sheets";
