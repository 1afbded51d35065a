/**
 * A small XML reader for the manifest tests: elements, attributes, text, comments and the
 * XML declaration — what manifest.xml uses. Anything else (DOCTYPE, CDATA, processing
 * instructions in the body, mismatched tags) is an error, so a malformed manifest fails loudly.
 */
export interface XmlElement {
  /** Qualified name as written, e.g. "bt:Image". */
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text, entities decoded, surrounding whitespace kept. */
  text: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(raw: string): string {
  let out = "";
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] !== "&") {
      out += raw[i];
      continue;
    }
    const end = raw.indexOf(";", i);
    if (end < 0) throw new Error(`unterminated entity at "${raw.slice(i, i + 10)}"`);
    const name = raw.slice(i + 1, end);
    if (name.startsWith("#x")) out += String.fromCodePoint(parseInt(name.slice(2), 16));
    else if (name.startsWith("#")) out += String.fromCodePoint(parseInt(name.slice(1), 10));
    else if (name in ENTITIES) out += ENTITIES[name];
    else throw new Error(`unknown entity &${name};`);
    i = end;
  }
  return out;
}

const isSpace = (c: string) => c === " " || c === "\t" || c === "\n" || c === "\r";
const isNameChar = (c: string) => c !== undefined && !isSpace(c) && !"<>/=\"'?!".includes(c);

export function parseXml(source: string): XmlElement {
  let pos = 0;

  const fail = (what: string): never => {
    const line = source.slice(0, pos).split("\n").length;
    throw new Error(`XML line ${line}: ${what}`);
  };
  const expect = (literal: string) => {
    if (!source.startsWith(literal, pos)) fail(`expected "${literal}"`);
    pos += literal.length;
  };
  const skipSpace = () => {
    while (pos < source.length && isSpace(source[pos])) pos++;
  };
  const skipUntil = (terminator: string) => {
    const end = source.indexOf(terminator, pos);
    if (end < 0) fail(`missing "${terminator}"`);
    pos = end + terminator.length;
  };
  /** Comments and whitespace between elements. */
  const skipMisc = () => {
    for (;;) {
      skipSpace();
      if (source.startsWith("<!--", pos)) skipUntil("-->");
      else return;
    }
  };
  const readName = () => {
    const start = pos;
    while (pos < source.length && isNameChar(source[pos])) pos++;
    if (pos === start) fail("expected a name");
    return source.slice(start, pos);
  };

  const readElement = (): XmlElement => {
    expect("<");
    const element: XmlElement = { name: readName(), attributes: {}, children: [], text: "" };
    for (;;) {
      skipSpace();
      if (source.startsWith("/>", pos)) {
        pos += 2;
        return element;
      }
      if (source[pos] === ">") {
        pos++;
        break;
      }
      const attribute = readName();
      skipSpace();
      expect("=");
      skipSpace();
      const quote = source[pos];
      if (quote !== '"' && quote !== "'") fail(`attribute ${attribute} is not quoted`);
      const end = source.indexOf(quote, pos + 1);
      if (end < 0) fail(`attribute ${attribute} is not closed`);
      if (attribute in element.attributes) fail(`attribute ${attribute} twice`);
      element.attributes[attribute] = decode(source.slice(pos + 1, end));
      pos = end + 1;
    }
    for (;;) {
      const next = source.indexOf("<", pos);
      if (next < 0) fail(`<${element.name}> is not closed`);
      element.text += decode(source.slice(pos, next));
      pos = next;
      if (source.startsWith("<!--", pos)) skipUntil("-->");
      else if (source.startsWith("</", pos)) {
        pos += 2;
        const name = readName();
        if (name !== element.name) fail(`</${name}> closes <${element.name}>`);
        skipSpace();
        expect(">");
        return element;
      } else if (source.startsWith("<!", pos) || source.startsWith("<?", pos)) fail("unsupported markup");
      else element.children.push(readElement());
    }
  };

  if (source.charCodeAt(0) === 0xfeff) pos = 1;
  if (source.startsWith("<?xml", pos)) skipUntil("?>");
  skipMisc();
  const root = readElement();
  skipMisc();
  if (pos !== source.length) fail("content after the root element");
  return root;
}

/** The element and all its descendants, in document order. */
export function walk(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap(walk)];
}

/** Direct children named `name`. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

/** The one direct child named `name`; throws when there is none or several. */
export function child(element: XmlElement, name: string): XmlElement {
  const found = childrenNamed(element, name);
  if (found.length !== 1) throw new Error(`<${element.name}> has ${found.length} <${name}> children, expected 1`);
  return found[0];
}

/** Follows a path of single children: path(root, "VersionOverrides", "Hosts", "Host"). */
export function path(element: XmlElement, ...names: string[]): XmlElement {
  return names.reduce(child, element);
}
