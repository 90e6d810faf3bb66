import { FACT_KEYS, FACT_NAMES, type FactKey } from "../spec-format/facts.js";
import type { Spec, StackSpec } from "../spec-format/types.js";
import type { Lang } from "../langs.js";
import { uiText } from "../i18n/ui-strings.js";

/**
 * A comparison table of specs' facts: a column per spec, a row per property that any of them
 * states, every sourced cell numbered to its source (one number per distinct URL, in reading
 * order), illustrative cells marked. Printed as Markdown or HTML by print-table.ts.
 */
export interface FactTable {
  /** Names anchors, so two tables on one page do not clash. */
  id: string;
  title: string;
  columns: Array<{ id: string; title: string }>;
  rows: Array<{ key: FactKey; name: string; cells: Array<TableCell | undefined> }>;
  /** Sources by number - 1. */
  sources: string[];
  /** The language its specs were drawn in (absent: English). */
  lang?: Lang;
}

export interface TableCell {
  value: string;
  illustrative: boolean;
  /** 1-based number of its source, when it has one. */
  source?: number;
}

/** The stacks a table compares: a comparison spec stands for the stacks it compares. */
function tableColumns(specs: Spec[]): StackSpec[] {
  return specs.flatMap((s) => (s.type === "compare" ? s.stacks : [s]));
}

export function factTable(specs: Spec[]): FactTable {
  const columns = tableColumns(specs);
  const lang = specs[0]?.lang;
  const sources: string[] = [];
  const numberOf = (url: string) => (sources.includes(url) ? sources.indexOf(url) : sources.push(url) - 1) + 1;
  const rows = FACT_KEYS.filter((key) => columns.some((c) => c.facts[key])).map((key) => ({
    key,
    name: uiText(lang, FACT_NAMES[key]),
    cells: columns.map((c): TableCell | undefined => {
      const fact = c.facts[key];
      return fact && { value: fact.value, illustrative: fact.illustrative === true, ...(fact.source !== undefined && { source: numberOf(fact.source) }) };
    }),
  }));
  const single = specs.length === 1 ? specs[0] : undefined;
  return {
    id: single?.id ?? columns.map((c) => c.id).join("-vs-"),
    title: single?.type === "compare" ? single.title : columns.map((c) => c.title).join(" vs "),
    columns: columns.map((c) => ({ id: c.id, title: c.title })),
    rows,
    sources,
    ...(lang && { lang }),
  };
}
