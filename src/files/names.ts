/** The n-th candidate name for a file: "报表.xlsx", then "报表 (2).xlsx", "报表 (3).xlsx"… */
export function numberedName(name: string, n: number): string {
  if (n <= 1) return name;
  const dot = name.lastIndexOf(".");
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
  return `${stem} (${n})${ext}`;
}
