/**
 * Personal data (LEDGERS.md §8): ledgers may carry 身份证号 and phone numbers. Nothing the product
 * writes carries them: their columns are known (so they are not reported as unknown columns, and
 * nothing copies them), and a finding shows such a value masked — 6201********5678,
 * 139****5332. What looks like an ID or mobile number is masked in any finding's text too, wherever
 * it was typed.
 */
import type { FieldSpec } from "./kinds/kind";

export type PersonalKind = "id" | "phone";

/** The columns of personal numbers, as ledgers label them; every ledger kind knows them. */
export const PERSONAL_FIELDS: readonly FieldSpec<"idNumber" | "phone">[] = [
  { key: "idNumber", labels: ["身份证号", "身份证号码", "公民身份号码", "证件号码", "身份证"], type: "text", required: "no", template: false, personal: "id" },
  { key: "phone", labels: ["联系电话", "手机号码", "手机号", "手机", "电话", "电话号码", "联系方式"], type: "text", required: "no", template: false, personal: "phone" },
];

/** How much of a number stays visible: the first and last digits, and the stars between. */
const KEEP: Record<PersonalKind, { head: number; tail: number; stars: number }> = {
  id: { head: 4, tail: 4, stars: 8 },
  phone: { head: 3, tail: 4, stars: 4 },
};

/** A personal number masked whatever its length: 6201********5678, 139****5332; a short one all stars. */
export function maskNumber(text: string, kind: PersonalKind): string {
  const value = text.trim();
  const { head, tail, stars } = KEEP[kind];
  if (value.length <= head + tail) return "*".repeat(value.length);
  return `${value.slice(0, head)}${"*".repeat(stars)}${value.slice(-tail)}`;
}

/** 18-digit (last may be X) and 15-digit ID numbers, and mainland mobile numbers, not inside a longer number. */
const ID_NUMBER = /(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;
const MOBILE = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/g;

const ELEVEN_DIGITS = /\d{11}/;

/** Text with every ID or mobile number in it masked. */
export function maskPersonal(text: string): string {
  // Both need eleven digits in a row; most texts have none, and one test spares two replaces.
  if (!ELEVEN_DIGITS.test(text)) return text;
  return text.replace(ID_NUMBER, (id) => maskNumber(id, "id")).replace(MOBILE, (phone) => maskNumber(phone, "phone"));
}
