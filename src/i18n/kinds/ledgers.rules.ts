/** What every ledger shares (LEDGERS.md §6): the comparison of a 统计表's figure with the record behind it. */
import { rule } from "../rules";

export const ledgerRules = {
  "ledger-mismatch": rule(
    "warning",
    {
      title: "报表与台账不符",
      description: "统计表填报的数与台账记录的不一致：报表的数应来自台账。",
      messages: {
        default: "{cell}：{label}报表填报 {reported}，台账记录 {recorded}（{rows}）。请核对报表与台账。",
        none: "{cell}：{label}报表填报 {reported}，台账（{ledger}）中没有计入的记录。请核对报表与台账。",
      },
    },
    {
      title: "Report and ledger differ",
      description: "A figure of the 统计表 differs from what its ledger records: the report should come from the ledger.",
      messages: {
        default: "{cell}: {label} is reported as {reported}; the ledger records {recorded} ({rows}). Check the report against the ledger.",
        none: "{cell}: {label} is reported as {reported}; the ledger ({ledger}) has no record that counts. Check the report against the ledger.",
      },
    },
  ),
};
