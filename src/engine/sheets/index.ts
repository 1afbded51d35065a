/** The sheets the add-in writes, as plain SheetSpec data for each host's writer. */
export * from "./spec";
export { reportSheet, reportSource, type ReportSource, REPORT_TABLE, FIXES_TABLE } from "./report";
export { consolidatedSheet, CONSOLIDATED_TABLE } from "./consolidated";
export { flagsSheet, flagCounts, type FlagCounts, FLAGS_TABLE, FLAG_COUNTS_TABLE } from "./flags";
export { settingsSheet, SETTINGS_TABLE, SETTING_NAME } from "./settingsSheet";
export { resultsSheet, resultLevels, startLevel, RESULTS_TABLE, UPGRADE_TABLE, GRADES_PREV_TABLE, GRADES_CURRENT_TABLE } from "./results";
export { templateSheet, TEMPLATE_HEADER_ROW } from "./template";
export { planFixes } from "./autofix";
export { importName } from "./import";
export { upgradeRates, type UpgradeRate, type UpgradeRates } from "./upgradeRates";
export { meetingCoverage, coverageSheet, COVERAGE_TABLE, type CoverageTable, type CoverageColumn, type CoverageRow } from "./coverage";
