/**
 * Where a production build is served: `ADDIN_URL=https://host/path/ npm run build` writes a
 * dist/manifest.xml whose every URL points there instead of the development server.
 * Kept out of webpack.config.js so the rewrite can be tested without a build.
 */
const DEV_URL = "https://localhost:3000/";

/** ADDIN_URL with a trailing slash, or undefined when unset; anything but an https URL is refused. */
function addinUrl(value) {
  if (!value) return undefined;
  if (!/^https:\/\/[^/\s]+/.test(value)) throw new Error(`ADDIN_URL must be an https:// URL, not "${value}"`);
  return value.endsWith("/") ? value : `${value}/`;
}

/** The manifest with every development URL (not just the first) replaced by `publicUrl`. */
function rewriteManifest(manifest, publicUrl) {
  return manifest.replaceAll(DEV_URL, publicUrl);
}

module.exports = { DEV_URL, addinUrl, rewriteManifest };
