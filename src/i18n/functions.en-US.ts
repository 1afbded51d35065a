import type { functionsZhCN } from "./functions.zh-CN";

/** Messages of the custom functions (#VALUE! texts) and the words they name arguments with. Same keys as zh-CN. */
export const functionsEnUS: Record<keyof typeof functionsZhCN, string> = {
  "functions.shapeMismatch": "The argument ranges have different shapes ({shapes}): use ranges of the same shape or single values",
  "functions.notANumberIn": "“{value}” in {what} is not a number",
  "functions.scoreRange": "{what} must be between 0 and 100",
  "functions.badMethod": "Unknown method “{method}”. Use weighted or multiplier",
  "functions.badNormalizeMethod": "Unknown normalisation method “{method}”. Use minmax, zscore or rank",
  "functions.badThresholds": "Invalid thresholds “{value}”. Give numbers from low to high separated by commas, such as 60,90",
  "functions.headerOneRow": "The header must be one row, not {rows}",
  "functions.headerWidth": "The header has {header} columns and the rows have {row}: they must be equally wide",
  "word.partyScore": "Party-building score",
  "word.businessScore": "Business score",
  "word.partyWeight": "Party-building weight",
  "word.score": "Score",
  "word.startScores": "Start scores",
  "word.endScores": "End scores",
  "word.allScores": "The scores graded together",
  "word.value": "Value",
  "word.peerValues": "Peer values",
  "word.months": "Months",
  "word.groups": "Party groups",
};
