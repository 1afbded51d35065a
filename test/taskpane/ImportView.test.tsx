/**
 * @jest-environment jsdom
 */
/**
 * 导入 on the in-memory workbook: sizes checked before reading, each inserted sheet kept under
 * its department or removed, a department imported again replaced only after confirmation,
 * then a fresh validation.
 */
import { act, fireEvent, screen, within } from "@testing-library/react";
import { renderIn } from "./renderIn";
import { fullYear, ledger } from "../engine/ledger";
import type { Locale } from "../../src/i18n";
import { ImportView, MAX_IMPORT_BYTES, toBase64 } from "../../src/taskpane/ImportView";
import { createValidationStore } from "../../src/taskpane/validationStore";
import { grid } from "../support/grid";
import { stubResizeObserver } from "./standInHost";
import { openedDialog, press, settled } from "./interact";
import { StandInExcelHost, StandInWorkbook, submission } from "./standInWorkbook";

beforeAll(stubResizeObserver);

/** A file whose bytes are these, recording whether anyone read them. */
function xlsx(name: string, bytes: Uint8Array) {
  const file = new File([bytes as BlobPart], name);
  const read = jest.fn(async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  Object.defineProperty(file, "arrayBuffer", { value: read });
  return { file, read };
}

function renderImport(workbook: StandInWorkbook, locale: Locale = "zh-CN") {
  const host = new StandInExcelHost(workbook, locale);
  const store = createValidationStore();
  renderIn(locale, <ImportView host={host} workbook={workbook} store={store} />);
  return { host, store };
}

async function choose(files: File[], label = "选择文件") {
  await act(async () => {
    fireEvent.change(screen.getByLabelText(label, { selector: "input" }), { target: { files } });
  });
}

test("a file over 3.5 MB is refused in words without being read; the others are inserted, classified and settled", async () => {
  const workbook = new StandInWorkbook();
  const unit = submission("Sheet1", "二局");
  const notes = grid([["填表说明"], ["请按要求填写"]], { sheet: "说明" });
  workbook.inserts.push([workbook.inserted(unit), workbook.inserted(notes)]);
  const [submitted, noteSheet] = workbook.inserts[0];
  const { host, store } = renderImport(workbook);

  const big = xlsx("大文件.xlsx", new Uint8Array(4 * 1024 * 1024));
  const small = xlsx("二局.xlsx", new Uint8Array([80, 75, 3, 4, 1, 2, 3]));
  expect(big.file.size).toBeGreaterThan(MAX_IMPORT_BYTES);
  await choose([big.file, small.file]);
  await settled();

  expect(big.read).not.toHaveBeenCalled();
  expect(small.read).toHaveBeenCalledTimes(1);
  expect(workbook.callsOf("insertWorkbook")).toEqual([[Buffer.from([80, 75, 3, 4, 1, 2, 3]).toString("base64")]]);
  expect(workbook.callsOf("settleImport")).toEqual([[[{ id: submitted.id, unit: "二局" }], [noteSheet.id]]]);
  expect(screen.getByText("“大文件.xlsx”有 4.0 MB，超过 Excel 网页版单个文件约 3.5 MB 的上限，未导入。请删去多余的工作表或图片后再试。")).toBeTruthy();
  expect(screen.getByText("“二局.xlsx”中的工作表“说明”不是统计表或台账，未导入。")).toBeTruthy();
  expect(screen.getByText("“二局.xlsx” → 工作表“二局”（二局）")).toBeTruthy();
  // Validated afresh, on the workbook as it now is.
  expect(host.reads).toBe(1);
  expect(store.get().checked!.report.files[0].sheets.map((s) => s.sheet)).toEqual(["二局"]);
});

test("only a too-large file: nothing is inserted and nothing validated", async () => {
  const workbook = new StandInWorkbook();
  const { host } = renderImport(workbook);
  const big = xlsx("大文件.xlsx", new Uint8Array(4 * 1024 * 1024));
  await choose([big.file]);
  await settled();
  expect(big.read).not.toHaveBeenCalled();
  expect(workbook.callsOf("insertWorkbook")).toEqual([]);
  expect(host.reads).toBe(0);
  expect(screen.getByRole("heading", { name: "未导入（1）" })).toBeTruthy();
});

test("importing a department again asks first; accepting replaces its earlier sheet", async () => {
  const workbook = new StandInWorkbook();
  const old = workbook.addImported(submission("一局", "一局"), "一局");
  workbook.inserts.push([workbook.inserted(submission("Sheet1", "一局"))]);
  const fresh = workbook.inserts[0][0];
  renderImport(workbook);

  await choose([xlsx("一局（更正）.xlsx", new Uint8Array([1])).file]);
  const dialog = await openedDialog();
  expect(within(dialog).getByText("替换 一局 之前导入的工作表？")).toBeTruthy();
  expect(workbook.callsOf("settleImport")).toEqual([]);
  await press("替换");

  expect(workbook.callsOf("settleImport")).toEqual([[[{ id: fresh.id, unit: "一局" }], [old.id]]]);
  expect(workbook.sheets.map((s) => s.sheet)).toEqual(["一局"]);
  expect(workbook.sheets[0]).toBe(fresh.grid);
  expect(screen.getByText("“一局（更正）.xlsx” → 工作表“一局”（一局），替换了“一局”")).toBeTruthy();
});

test("declining the replacement removes the new sheet and keeps the old one", async () => {
  const workbook = new StandInWorkbook();
  const oldGrid = submission("一局", "一局");
  const old = workbook.addImported(oldGrid, "一局");
  workbook.inserts.push([workbook.inserted(submission("Sheet1", "一局"))]);
  const fresh = workbook.inserts[0][0];
  renderImport(workbook);

  await choose([xlsx("一局.xlsx", new Uint8Array([1])).file]);
  await openedDialog();
  await press("保留原表");

  expect(workbook.callsOf("settleImport")).toEqual([[[], [fresh.id]]]);
  expect(workbook.sheets).toHaveLength(1);
  expect(workbook.sheets[0]).toBe(oldGrid);
  expect(workbook.imported).toEqual([old]);
  expect(screen.getByText("保留了“一局”之前导入的工作表“一局”，未导入“一局.xlsx”中的新表。")).toBeTruthy();
});

test("a department's meeting ledger is imported beside its 统计表, named with its kind, replacing neither", async () => {
  const workbook = new StandInWorkbook();
  workbook.addImported(submission("一局", "一局"), "一局");
  workbook.inserts.push([workbook.inserted(ledger(fullYear(), { title: ["填报单位：一局　统计期间：2025年"] }))]);
  const inserted = workbook.inserts[0][0];
  const { store } = renderImport(workbook);
  await choose([xlsx("一局台账.xlsx", new Uint8Array([1])).file]);
  await settled();
  expect(screen.queryByRole("dialog")).toBeNull();
  expect(workbook.callsOf("settleImport")).toEqual([[[{ id: inserted.id, unit: "一局 三会一课台账" }], []]]);
  expect(store.get().checked!.report.files[0].sheets.map((s) => s.kind)).toEqual(["submission", "meetings"]);
});

test("a file Excel will not take is listed with the reason; the next file still goes in", async () => {
  const workbook = new StandInWorkbook();
  workbook.failures.set("insertWorkbook", new Error("文件已损坏"));
  workbook.inserts.push([workbook.inserted(submission("Sheet1", "三局"))]);
  renderImport(workbook);
  await choose([xlsx("坏.xlsx", new Uint8Array([1])).file, xlsx("三局.xlsx", new Uint8Array([2])).file]);
  await settled();
  expect(screen.getByText("“坏.xlsx”导入失败：文件已损坏")).toBeTruthy();
  expect(screen.getByText("“三局.xlsx” → 工作表“三局”（三局）")).toBeTruthy();
  expect(workbook.callsOf("insertWorkbook")).toHaveLength(2);
});

test("toBase64 handles files of megabytes (no stack overflow) exactly as Node encodes them", () => {
  const bytes = new Uint8Array(3 * 1024 * 1024 + 7);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + 7) & 0xff;
  expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
  expect(toBase64(new Uint8Array())).toBe("");
});

test("speaks English", async () => {
  const workbook = new StandInWorkbook();
  renderImport(workbook, "en-US");
  await choose([xlsx("big.xlsx", new Uint8Array(4 * 1024 * 1024)).file], "Choose files");
  await settled();
  expect(screen.getByText(/^“big.xlsx” is 4.0 MB, over the limit of about 3.5 MB/)).toBeTruthy();
  expect(screen.getByRole("button", { name: "Choose files" })).toBeTruthy();
});

/** A workbook whose file is read by the add-in's own reader, as in WPS: its limit, and no sheets inserted from a file. */
class ReaderWorkbook extends StandInWorkbook {
  readonly maxImportBytes = 20 * 1024 * 1024;
  readonly lacks = new Set(["fileInsert"] as const);
}

test("where the host reads the file itself (WPS), its reader's limit applies and the tab says what importing copies", async () => {
  const workbook = new ReaderWorkbook();
  workbook.inserts.push([workbook.inserted(submission("Sheet1", "三局"))]);
  renderImport(workbook);
  expect(screen.getByText("单个文件上限 20.0 MB。")).toBeTruthy();
  expect(screen.getByRole("note").textContent).toBe("WPS 中导入只复制各工作表的数值和合并单元格，不带原文件的格式、公式和数据验证。");
  const large = xlsx("三局.xlsx", new Uint8Array(4 * 1024 * 1024));
  await choose([large.file]);
  await settled();
  expect(large.read).toHaveBeenCalledTimes(1);
  expect(workbook.callsOf("insertWorkbook")).toHaveLength(1);
  const huge = xlsx("大文件.xlsx", new Uint8Array(21 * 1024 * 1024));
  await choose([huge.file]);
  await settled();
  expect(huge.read).not.toHaveBeenCalled();
  expect(screen.getByText("“大文件.xlsx”有 21.0 MB，超过单个文件 20.0 MB 的上限，未导入。请删去多余的工作表或图片后再试。")).toBeTruthy();
});
