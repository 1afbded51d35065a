/**
 * Everything of the pane that only Excel needs, in one chunk webpack loads when the pane first
 * shows it: the tab strip, the workbook tabs, the 校验 tab's workbook buttons and scope choice.
 * Their tab list, dialogs, drop-downs and inputs (and tabster, Fluent's focus manager, which they
 * bring) would otherwise put the pane's first bundle over its size budget; the 校验 view itself
 * stays in that bundle, so it is usable while this chunk loads. The browser preview never needs it.
 */
export { ImportView } from "./ImportView";
export { RosterView } from "./RosterView";
export { ConsolidatedView } from "./ConsolidatedView";
export { FlagsView } from "./FlagsView";
export { ResultsView } from "./ResultsView";
export { TemplateView } from "./TemplateView";
export { SettingsView } from "./SettingsView";
export { WorkbookTools } from "./WorkbookTools";
export { TabStrip } from "./TabStrip";
export { ScopeChoice } from "./ScopeChoice";
