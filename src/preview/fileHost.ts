/**
 * The task pane's host in a plain browser: files the user opened with an <input type=file>,
 * read and annotated with src/files (exceljs). Nothing leaves the page: the bytes are read
 * locally and the annotated copies are handed back as Blobs for download.
 *
 * A file that cannot be read never throws out of the host: it comes back as a WorkbookInput
 * with `error`, which the engine reports and the pane shows in words.
 */
import type { Finding, WorkbookInput } from "../engine";
import { numberedName } from "../host/naming";
import { isUnsupportedName, readWorkbook } from "../files/read";
import { reasonOf, type Locale } from "../i18n";
import { ruleMessage } from "../engine/rules";
import { paneText } from "../i18n/pane";
import type { Host, LocatedFinding, Progress } from "../host/host";

/** What the host needs of a browser File (a test can pass a plain object). */
export interface OpenedFile {
  readonly name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type SelectListener = (file: string, sheet: string, cell: string) => void;

interface Opened {
  /** Unique among the opened files: a second "报表.xlsx" becomes "报表 (2).xlsx". */
  name: string;
  file: OpenedFile;
  bytes?: ArrayBuffer;
  sheets: string[];
}

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function uniqueName(name: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const candidate = numberedName(name, n);
    if (!taken.has(candidate)) return candidate;
  }
}

export class FileHost implements Host {
  readonly kind = "files" as const;
  private opened: Opened[] = [];
  /** Findings per opened file name, as last marked. */
  private marks = new Map<string, Finding[]>();
  private listener: SelectListener | undefined;

  constructor(readonly locale: Locale) {}

  /** Replaces the set of open files (what the file input holds now); forgets earlier marks. */
  setFiles(files: Iterable<OpenedFile>): void {
    const taken = new Set<string>();
    this.opened = [...files].map((file) => {
      const name = uniqueName(file.name, taken);
      taken.add(name);
      return { name, file, sheets: [] };
    });
    this.marks.clear();
  }

  get fileNames(): string[] {
    return this.opened.map((o) => o.name);
  }

  /** The UI's way of showing a finding when selectCell is called. */
  onSelect(listener: SelectListener | undefined): void {
    this.listener = listener;
  }

  async readWorkbooks(_scope: "all" | "active", progress?: Progress): Promise<WorkbookInput[]> {
    // The preview has no active sheet: both scopes read every opened file.
    const books: WorkbookInput[] = [];
    const total = this.opened.length;
    progress?.(0, total);
    for (const [index, opened] of this.opened.entries()) {
      books.push(await this.readOne(opened));
      progress?.(index + 1, total);
    }
    return books;
  }

  private async readOne(opened: Opened): Promise<WorkbookInput> {
    opened.bytes = undefined;
    opened.sheets = [];
    if (isUnsupportedName(opened.name)) {
      const error = ruleMessage("unsupported-file", "default", this.locale, { file: opened.name });
      return { file: opened.name, grids: [], error, errorRule: "unsupported-file" };
    }
    try {
      const bytes = await opened.file.arrayBuffer();
      // exceljs may hold on to the buffer it was given: keep our own copy for the annotation.
      const grids = await readWorkbook(bytes.slice(0));
      opened.bytes = bytes;
      opened.sheets = grids.map((g) => g.sheet);
      return { file: opened.name, grids };
    } catch (error) {
      return { file: opened.name, grids: [], error: reasonOf(error, this.locale) };
    }
  }

  async markFindings(findings: LocatedFinding[], progress?: Progress): Promise<void> {
    this.marks.clear();
    for (const opened of this.opened) if (opened.bytes) this.marks.set(opened.name, []);
    for (const finding of findings) this.marks.get(finding.file)?.push(finding);
    progress?.(findings.length, findings.length);
  }

  async clearMarks(): Promise<void> {
    this.marks.clear();
  }

  async selectCell(file: string, sheet: string, cell: string): Promise<void> {
    this.listener?.(file, sheet, cell);
  }

  /** One annotated copy per readable file marked since the last read, in the order opened. */
  async annotatedCopies(): Promise<{ name: string; blob: Blob }[]> {
    const copies: { name: string; blob: Blob }[] = [];
    for (const opened of this.opened) {
      const findings = this.marks.get(opened.name);
      if (!opened.bytes || !findings) continue;
      // exceljs comes in its own chunk, fetched when the user first asks for a copy; its loader
      // takes an ArrayBuffer as well as a Node Buffer.
      const { annotateWorkbook } = await import(/* webpackChunkName: "annotate" */ "../files/annotate");
      const copy = await annotateWorkbook(opened.bytes.slice(0) as unknown as Buffer, opened.name, findings, { locale: this.locale });
      const dot = opened.name.lastIndexOf(".");
      const stem = dot > 0 ? opened.name.slice(0, dot) : opened.name;
      copies.push({ name: paneText(this.locale)("preview.annotatedName", { stem }), blob: new Blob([copy as unknown as BlobPart], { type: XLSX_MIME }) });
    }
    return copies;
  }
}
