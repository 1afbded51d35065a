/**
 * The WPS custom-function table, built by scripts/wps-functions.js from functions.ts's JSDoc and
 * zh-CN-names.json and written into the WPS bundle by webpack's DefinePlugin.
 */
declare const __DJ_FUNCTIONS__: import("./customFunctions").WpsFunctionMeta[];
