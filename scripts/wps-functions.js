/**
 * The table of custom functions the WPS add-in registers (src/wps/customFunctions.ts,
 * WpsFunctionMeta), from the one source of Excel's metadata: functions.ts's JSDoc, read by
 * custom-functions-metadata as custom-functions-metadata-plugin reads it for functions.json, and
 * src/functions/zh-CN-names.json, applied by translateMetadata as for functions.zh-CN.json.
 * webpack.wps.config.js writes the table into the bundle as __DJ_FUNCTIONS__.
 */
const fs = require("fs");
const path = require("path");
const { generateCustomFunctionsMetadata } = require("custom-functions-metadata/lib/generate");
const { translateMetadata } = require("./zh-cn-metadata");

const NAMES = path.join(__dirname, "..", "src", "functions", "zh-CN-names.json");

const VALUE_TYPES = ["any", "number", "string", "boolean"];

/** A value type of the metadata ("any" when unwritten, as in functions.json); another is a build error. */
function valueType(type, where) {
  const given = type ?? "any";
  if (!VALUE_TYPES.includes(given)) throw new Error(`wps-functions: ${where} has type "${given}", not one of ${VALUE_TYPES.join(", ")}`);
  return given;
}

/**
 * One function of the translated metadata as a WpsFunctionMeta. The WPS wrapper passes every
 * argument as rows of cells, as Excel passes a matrix parameter, so a scalar parameter (which
 * functions.ts does not have) is refused here rather than called wrongly in WPS.
 */
function toWpsMeta(fn) {
  const parameters = fn.parameters.map((parameter) => {
    const where = `${fn.id}(${parameter.name})`;
    if (parameter.dimensionality !== "matrix") throw new Error(`wps-functions: ${where} is not a matrix parameter`);
    return {
      name: parameter.name,
      description: parameter.description,
      type: valueType(parameter.type, where),
      dimensionality: "matrix",
      optional: parameter.optional === true,
    };
  });
  return {
    id: fn.id,
    name: fn.name,
    description: fn.description,
    parameters,
    result: { type: valueType(fn.result?.type, `${fn.id}'s result`), dimensionality: fn.result?.dimensionality ?? "scalar" },
  };
}

/**
 * The WpsFunctionMeta[] of the custom functions in `input` (relative to the working directory,
 * as the metadata plugin's input is), with the zh-CN names and descriptions.
 */
async function wpsFunctionTable(input = "./src/functions/functions.ts") {
  const generated = await generateCustomFunctionsMetadata(input);
  if (generated.errors.length > 0) throw new Error(`wps-functions: the custom function metadata of ${input} has errors:\n${generated.errors.join("\n")}`);
  if (generated.metadataJson === "") throw new Error(`wps-functions: ${input} declares no custom function`);
  const names = JSON.parse(fs.readFileSync(NAMES, "utf8"));
  return translateMetadata(JSON.parse(generated.metadataJson), names).functions.map(toWpsMeta);
}

module.exports = { wpsFunctionTable };
