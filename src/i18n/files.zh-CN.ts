/** Why a workbook file could not be read or written (src/files). */
export const filesZhCN = {
  "files.error.notZip": "不是有效的 .xlsx 文件（无法解压）",
  "files.error.legacy": "不是 .xlsx 文件：这是旧版 .xls/.et 文件或设置了打开密码的工作簿。请取消密码并另存为 .xlsx 后再校验",
  "files.error.corrupt": "不是有效的 .xlsx 文件（内容已损坏，无法读取）",
  "files.error.noSheets": "不是有效的 .xlsx 文件（找不到任何工作表）",
  "files.error.tooLarge": "文件过大（{size} MB），超过读取上限 {limit} MB，未读取",
  "files.error.tooManyParts": "文件内部有 {count} 个部件，超过读取上限 {limit} 个，未读取",
  "files.error.unzippedTooLarge": "解压后的内容超过读取上限 {limit} MB（可能是“压缩炸弹”），未读取",
  "files.error.compressionRatio": "文件内部“{part}”的压缩比超过读取上限 {limit} 倍（可能是“压缩炸弹”），未读取",
  "files.error.tooManyRows": "有工作表用到第 {row} 行，超过读取上限 {limit} 行，未读取",
  "files.error.tooManyCells": "单元格总数超过读取上限 {limit} 个，未读取",
  "files.error.copyTooManyCells": "单元格总数超过写标注副本的上限 {limit} 个，未写副本（校验不受影响）",
  "files.error.mergesTooLarge": "合并单元格（如 {range}）覆盖的单元格超过读取上限 {limit} 个，未读取。请取消整行、整列的合并后再报送",
  "files.error.validationsTooLarge": "数据验证（下拉列表，如 {range}）覆盖的单元格超过写标注副本的上限 {limit} 个，未写副本（校验不受影响）。请只在填报区域设置数据验证",
  "files.error.write": "无法生成标注副本：{detail}",
} as const;
