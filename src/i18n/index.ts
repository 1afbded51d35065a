/**
 * Every user-visible string, Chinese first. `t(key, params)` fills `{name}` placeholders.
 * The locale is chosen once by the host (Office's display language, the CLI's environment).
 */
import { zhCN } from "./zh-CN";
import { enUS } from "./en-US";

export type MessageKey = keyof typeof zhCN;
export type Locale = "zh-CN" | "en-US";

const catalogs: Record<Locale, Record<MessageKey, string>> = { "zh-CN": zhCN, "en-US": enUS };
let current: Locale = "zh-CN";

export function setLocale(locale: string): void {
  current = locale.toLowerCase().startsWith("en") ? "en-US" : "zh-CN";
}

export function getLocale(): Locale {
  return current;
}

export type Params = Record<string, string | number>;

export function t(key: MessageKey, params: Params = {}): string {
  const template = catalogs[current][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
