/**
 * The product's two languages, Chinese first. Each layer has its own strings (engine, sheets,
 * functions, files, cli, excel, pane), so a bundle carries only the strings of the layers it
 * holds: functions.js has the engine's and the functions', not the pane's.
 *
 * There is no current locale here: whoever shows a text says in which language, and each host
 * decides once (Office's display language, the CLI's DJ_LANG, the preview's ?lang=).
 */
export type Locale = "zh-CN" | "en-US";

export const DEFAULT_LOCALE: Locale = "zh-CN";

/** A language tag as hosts give it ("en-US", "en", "zh-cn", undefined) as one of ours. */
export function localeOf(tag: string | null | undefined): Locale {
  return tag?.toLowerCase().startsWith("en") ? "en-US" : "zh-CN";
}

export type Params = Record<string, string | number>;

/** A layer's strings in both languages; the English table must have every Chinese key. */
export interface Strings<K extends string> {
  "zh-CN": Readonly<Record<K, string>>;
  "en-US": Readonly<Record<K, string>>;
}

export function strings<K extends string>(zhCN: Readonly<Record<K, string>>, enUS: Readonly<Record<K, string>>): Strings<K> {
  return { "zh-CN": zhCN, "en-US": enUS };
}

/** A text of one layer in one language, its `{name}` placeholders filled. */
export type Translate<K extends string> = (key: K, params?: Params) => string;

/** A template split at its placeholders: even items are text, odd items parameter names. */
const compiled = new Map<string, string[]>();

/** Fills `{name}` placeholders; one left without a parameter stays as written. */
export function fill(template: string, params: Params = {}): string {
  let split = compiled.get(template);
  if (!split) {
    split = template.split(/\{(\w+)\}/);
    compiled.set(template, split);
  }
  let out = split[0];
  for (let i = 1; i < split.length; i += 2) {
    const name = split[i];
    out += (name in params ? String(params[name]) : `{${name}}`) + split[i + 1];
  }
  return out;
}

/** Each table's translators, made once per language: checks ask for one per row. */
const translators = new WeakMap<Strings<string>, Partial<Record<Locale, Translate<string>>>>();

export function translator<K extends string>(table: Strings<K>, locale: Locale): Translate<K> {
  let made = translators.get(table);
  if (!made) translators.set(table, (made = {}));
  let translate = made[locale];
  if (!translate) {
    const catalog: Readonly<Record<string, string>> = table[locale];
    made[locale] = translate = (key, params) => fill(catalog[key], params);
  }
  return translate;
}

/** A text not yet worded: an error made in the engine is worded by whoever shows it. */
export type Wording = (locale: Locale) => string;

/** Parameters of a wording; a wording among them is worded in the same language. */
export type WordingParams = Record<string, string | number | Wording>;

/** Wordings of a layer's strings: `words("score.negative", { what: words("word.spent") })`. */
export function wordsOf<K extends string>(table: Strings<K>): (key: K, params?: WordingParams) => Wording {
  return (key, params = {}) =>
    (locale) => {
      const filled: Params = {};
      for (const [name, value] of Object.entries(params)) filled[name] = typeof value === "function" ? value(locale) : value;
      return fill(table[locale][key], filled);
    };
}

/**
 * An error whose reason is a wording: whoever shows it words it in the user's language. Its
 * `message` is the Chinese wording, for logs and for code that has no language to choose.
 */
export class WordedError extends Error {
  constructor(
    readonly wording: Wording,
    options?: { cause?: unknown },
  ) {
    super(wording(DEFAULT_LOCALE), options);
  }
}

/** What an error says, in one language: a wording in that language, anything else as it is. */
export function reasonOf(error: unknown, locale: Locale): string {
  if (error instanceof WordedError) return error.wording(locale);
  return error instanceof Error ? error.message : String(error);
}
