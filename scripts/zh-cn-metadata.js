/**
 * Derives functions.zh-CN.json — the custom-function metadata Excel uses when its language is
 * Chinese (manifest: bt:Override Locale="zh-CN") — from functions.json, which
 * custom-functions-metadata-plugin generates from the JSDoc, and the translation table
 * src/functions/zh-CN-names.json (keyed by function id, then by English parameter name).
 * Only names and descriptions change: ids, parameter order, types and options stay as generated.
 * No tool checks Chinese names for us, so an invalid or missing translation fails the build.
 */
const fs = require("fs");
const path = require("path");

const TABLE = path.join(__dirname, "..", "src", "functions", "zh-CN-names.json");

/**
 * Excel's rule for custom function names: starts with a letter (any script), at least 3
 * characters, letters, digits, periods and underscores only, and not readable as a cell
 * address (A1 or R1C1 style) — Excel would parse such a name as a reference.
 */
function isValidFunctionName(name) {
  return (
    /^\p{L}[\p{L}\p{Nd}._]{2,}$/u.test(name) &&
    !/^[A-Z]{1,3}\d+$/i.test(name) &&
    !/^R\d*C\d*$/i.test(name)
  );
}

/** The zh-CN metadata for `metadata` (parsed functions.json); throws on a gap in `table`. */
function translateMetadata(metadata, table) {
  const ids = new Set(metadata.functions.map((f) => f.id));
  const stale = Object.keys(table).filter((id) => !ids.has(id));
  if (stale.length > 0) throw new Error(`zh-CN-names.json: no such function: ${stale.join(", ")}`);

  const functions = metadata.functions.map((fn) => {
    const entry = table[fn.id];
    if (!entry) throw new Error(`zh-CN-names.json: ${fn.id} has no translation`);
    if (!isValidFunctionName(entry.name)) throw new Error(`zh-CN-names.json: ${fn.id}: "${entry.name}" is not a valid Excel function name`);
    const names = Object.keys(entry.parameters ?? {});
    const extra = names.filter((name) => !fn.parameters.some((p) => p.name === name));
    if (extra.length > 0) throw new Error(`zh-CN-names.json: ${fn.id} has no parameter ${extra.join(", ")}`);
    const parameters = fn.parameters.map((parameter) => {
      const translation = entry.parameters?.[parameter.name];
      if (!translation) throw new Error(`zh-CN-names.json: ${fn.id}: parameter ${parameter.name} has no translation`);
      return { ...parameter, name: translation.name, description: translation.description };
    });
    return { ...fn, name: entry.name, description: entry.description, parameters };
  });
  return { ...metadata, functions };
}

/** Webpack plugin: emits functions.zh-CN.json next to functions.json, in builds and in the dev server. */
class ZhCnMetadataPlugin {
  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("ZhCnMetadataPlugin", (compilation) => {
      compilation.fileDependencies.add(TABLE);
      compilation.hooks.processAssets.tap({ name: "ZhCnMetadataPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const source = compilation.getAsset("functions.json");
        // Without functions.json, custom-functions-metadata-plugin has already reported why.
        if (!source) return;
        try {
          const table = JSON.parse(fs.readFileSync(TABLE, "utf8"));
          const translated = translateMetadata(JSON.parse(source.source.source().toString()), table);
          compilation.emitAsset("functions.zh-CN.json", new sources.RawSource(JSON.stringify(translated, null, 2)));
        } catch (error) {
          compilation.errors.push(new WebpackError(error.message));
        }
      });
    });
  }
}

module.exports = { isValidFunctionName, translateMetadata, ZhCnMetadataPlugin };
