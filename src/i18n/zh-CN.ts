import { engineZhCN } from "./engine.zh-CN";
/** Chinese strings: the product's working language. Keys are grouped by layer. */
export const zhCN = {
  ...engineZhCN,
  "score.notANumber": "{what}必须是数字",
  "score.negative": "{what}不能为负数",
  "score.zeroBudget": "预算为 0，无法计算执行率",
  "word.spent": "经费支出",
  "word.budget": "经费预算",
} as const;
