/**
 * Custom functions, namespace DJ (PRODUCT.md §6). Each one converts Excel's arguments, calls the
 * engine and converts the result; none touches the workbook. custom-functions-metadata-plugin
 * builds functions.json from the JSDoc below and appends the CustomFunctions.associate calls, so
 * parameter and return types must be written out literally (no type aliases).
 * English names and descriptions here; the Chinese ones are in zh-CN-names.json.
 */
import { fundRate } from "../engine/scoring";
import { setLocale } from "../i18n";
import { elementwise, toNumber } from "./args";

// #VALUE! messages follow Office's display language, like the task pane. This bundle has its
// own copy of the i18n module, so it sets the locale itself. Office is absent when the bundle
// is loaded on its own (tests) and has no host in a plain browser.
if (typeof Office !== "undefined") {
  Office.onReady((info) => {
    if (info.host) setLocale(Office.context.displayLanguage);
  });
}

/**
 * Execution rate of the party-building budget: funds spent ÷ budget.
 * @customfunction FUNDRATE FUNDRATE
 * @param spent Funds spent in yuan: a number or a range.
 * @param budget Budget in yuan: a number, or a range of the same shape as spent.
 * @returns The share of the budget spent (0.23 = 23%); #DIV/0! when the budget is 0.
 */
function fundRateFunction(spent: unknown[][], budget: unknown[][]): unknown[][] {
  return elementwise([spent, budget], (s, b) => fundRate(toNumber(s), toNumber(b)));
}
