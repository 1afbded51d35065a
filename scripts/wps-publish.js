/**
 * The files that tell WPS where the add-in is (README: 在 WPS 中部署):
 * - jsplugins.xml, for the 在线 (online) mode: WPS reads it from the URL that oem.ini's
 *   [Server] JSPluginsServer names, and loads the add-in from its `url` at every start, so an
 *   update on the server reaches every user;
 * - publish.xml, for the 离线 (offline) mode: it sits in each user's jsaddons folder
 *   (~/.local/share/Kingsoft/wps/jsaddons on Kylin/UOS, %APPDATA%\kingsoft\wps\jsaddons on
 *   Windows) beside a copy of the folder, named <name>_<version>.
 * Kept out of webpack.wps.config.js so they can be tested without a build.
 */

/** The add-in's name in WPS: its jsaddons folder and its entry in WPS's add-in list. */
const ADDIN_NAME = "dj-assess";
/** WPS's development server (wpsjs debug) serves on this port. */
const DEV_URL = "http://127.0.0.1:3889/";

/**
 * ADDIN_URL with a trailing slash, or the development URL when unset. Intranet servers often have
 * no certificate WPS trusts, and WPS, unlike Excel, loads add-ins over plain http: both are taken.
 */
function wpsAddinUrl(value) {
  if (!value) return DEV_URL;
  if (!/^https?:\/\/[^/\s]+\S*$/.test(value)) throw new Error(`ADDIN_URL must be an http:// or https:// URL, not "${value}"`);
  return value.endsWith("/") ? value : `${value}/`;
}

function attribute(value) {
  return String(value).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** jsplugins.xml for the 在线 mode: the add-in, of type et (WPS 表格), served at `url`. */
function jspluginsXml(url, version) {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    "<jsplugins>",
    `  <jspluginonline name="${ADDIN_NAME}" type="et" url="${attribute(url)}" version="${attribute(version)}"/>`,
    "</jsplugins>",
    "",
  ].join("\n");
}

/**
 * publish.xml for the 离线 mode: `url` is the folder beside it, <name>_<version>, into which
 * dist-wps is copied (what wpsjs build's offline package installs).
 */
function publishXml(version) {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    "<jsplugins>",
    `  <jsplugin name="${ADDIN_NAME}" type="et" url="${attribute(`${ADDIN_NAME}_${version}`)}" version="${attribute(version)}" enable="enable_dev" install="null"/>`,
    "</jsplugins>",
    "",
  ].join("\n");
}

module.exports = { ADDIN_NAME, DEV_URL, wpsAddinUrl, jspluginsXml, publishXml };
