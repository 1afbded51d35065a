/**
 * What the add-in records in the workbook lives in CustomXmlParts of our own namespaces: they are
 * saved with the file, invisible to the user and untouched by sheet edits. Each part holds JSON
 * text inside one element, so a record can grow fields without an XML schema. Used by marks.ts
 * (urn:dj-assess:marks:1) and registry.ts (urn:dj-assess:sheets:1).
 */

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, "&");
}

/** The XML of one part: `value` as JSON text inside `<element xmlns="namespace">`. */
export function jsonToXml(namespace: string, element: string, value: unknown): string {
  return `<?xml version="1.0" encoding="UTF-8"?><${element} xmlns="${namespace}">${escapeXml(JSON.stringify(value))}</${element}>`;
}

/**
 * The JSON value back from a part's XML (any namespace prefix); undefined when the element is
 * missing or its text is not JSON — a part someone else damaged is ignored, not fatal.
 */
export function jsonFromXml(xml: string, element: string): unknown {
  const match = new RegExp(`<(?:[\\w.-]+:)?${element}\\b[^>]*>([\\s\\S]*?)</(?:[\\w.-]+:)?${element}>`).exec(xml);
  if (!match) return undefined;
  try {
    return JSON.parse(unescapeXml(match[1])) as unknown;
  } catch {
    return undefined;
  }
}

/** The XML of every part of a loaded collection; one sync, none when there are no parts. */
export async function readPartXml(context: Excel.RequestContext, parts: Excel.CustomXmlPartScopedCollection): Promise<string[]> {
  const xmls = parts.items.map((part) => part.getXml());
  if (xmls.length > 0) await context.sync();
  return xmls.map((xml) => xml.value);
}

/** Queues the replacement of a record: every old part deleted, one new part unless there is nothing to keep. */
export function replaceParts(book: Excel.Workbook, parts: Excel.CustomXmlPartScopedCollection, xml: string | undefined): void {
  for (const part of parts.items) part.delete();
  if (xml !== undefined) book.customXmlParts.add(xml);
}
