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

/** A template split at its placeholders: even items are text, odd items parameter names. */
const compiled = new Map<string, string[]>();

function parts(template: string): string[] {
  let split = compiled.get(template);
  if (!split) {
    split = template.split(/\{(\w+)\}/);
    compiled.set(template, split);
  }
  return split;
}

export function t(key: MessageKey, params: Params = {}): string {
  const split = parts(catalogs[current][key]);
  let out = split[0];
  for (let i = 1; i < split.length; i += 2) {
    const name = split[i];
    out += (name in params ? String(params[name]) : `{${name}}`) + split[i + 1];
  }
  return out;
}
