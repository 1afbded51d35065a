/**
 * xl/workbook.xml and its relationships: the sheets in tab order with their names, whether each
 * is visible and which part holds it, whether dates count from 1904, and where the shared
 * strings and styles are.
 */
import type { Attributes, Wanted, XmlHandler } from "./xml";

export interface SheetEntry {
  name: string | undefined;
  visible: boolean;
  /** The sheet's relationship id (r:id), which the workbook's relationships resolve to a part. */
  relationship: string | undefined;
}

export const WORKBOOK_PART = "xl/workbook.xml";
export const WORKBOOK_RELATIONSHIPS = "xl/_rels/workbook.xml.rels";
/** Where Excel and LibreOffice put them; exceljs looks only there. Used when the relationships do not say. */
export const DEFAULT_SHARED_STRINGS = "xl/sharedStrings.xml";
export const DEFAULT_STYLES = "xl/styles.xml";

/** Handles the <sheet>s of <sheets> and <workbookPr>; everything else in the workbook part is skipped. */
export class WorkbookHandler implements XmlHandler {
  readonly sheets: SheetEntry[] = [];
  /**
   * Dates count from 1904-01-01 (old Mac workbooks). LibreOffice writes date1904="true", Excel
   * "1": both are xsd:boolean true. (exceljs accepts only "1", so it reads LibreOffice's 1904
   * workbooks 1 462 days early.)
   */
  date1904 = false;
  private depth = 0;
  private inSheets = false;

  open(name: string, attributes: Attributes): Wanted {
    this.depth++;
    if (this.depth === 2 && name === "workbookPr") {
      const value = attributes.get("date1904");
      this.date1904 = value === "1" || value === "true";
    } else if (this.depth === 2 && name === "sheets") {
      this.inSheets = true;
    } else if (this.depth === 3 && this.inSheets && name === "sheet") {
      const state = attributes.get("state");
      this.sheets.push({
        name: attributes.get("name"),
        visible: state !== "hidden" && state !== "veryHidden",
        relationship: attributes.getPrefixed("id"),
      });
    }
    return "children";
  }

  text(): void {}

  close(): void {
    if (this.depth === 2) this.inSheets = false;
    this.depth--;
  }
}

interface Relationship {
  type: string;
  target: string;
}

/** The <Relationship>s of a .rels part, by id, their targets resolved to part names. */
export class RelationshipsHandler implements XmlHandler {
  readonly byId = new Map<string, Relationship>();
  private depth = 0;

  /** `base` is the folder of the part these relationships belong to ("xl/" for the workbook). */
  constructor(private readonly base: string) {}

  open(name: string, attributes: Attributes): Wanted {
    this.depth++;
    const id = attributes.get("Id");
    const target = attributes.get("Target");
    if (this.depth === 2 && name === "Relationship" && id !== undefined && target !== undefined && attributes.get("TargetMode") !== "External") {
      this.byId.set(id, { type: attributes.get("Type") ?? "", target: resolvePart(this.base, target.trim()) });
    }
    return "children";
  }

  text(): void {}

  close(): void {
    this.depth--;
  }

  /** The target of the first relationship of this type (its URI's last segment, e.g. "styles"). */
  targetOfType(kind: string): string | undefined {
    for (const relationship of this.byId.values()) if (relationship.type.endsWith(`/${kind}`)) return relationship.target;
    return undefined;
  }
}

/** A relationship target as a part name: relative to `base`, or from the root when it starts with "/". */
function resolvePart(base: string, target: string): string {
  const segments = target.startsWith("/") ? [] : base.split("/").filter(Boolean);
  for (const segment of target.split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== "." && segment !== "") segments.push(segment);
  }
  return segments.join("/");
}
