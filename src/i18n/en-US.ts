import type { zhCN } from "./zh-CN";
import { engineEnUS } from "./engine.en-US";

/** English strings, for Office in English. Same keys as zh-CN: the compiler checks it. */
export const enUS: Record<keyof typeof zhCN, string> = {
  ...engineEnUS,
  "score.notANumber": "{what} must be a number",
  "score.negative": "{what} cannot be negative",
  "score.zeroBudget": "The budget is 0: no execution rate can be computed",
  "word.spent": "Funds spent",
  "word.budget": "Budget",
};
