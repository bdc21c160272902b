/** Output helpers shared by the commands: JSON for programs, aligned tables for people. */

/** JSON with bigints written as numbers when safe, else as strings. */
export function toJson(value: unknown): string {
  return JSON.stringify(
    value,
    (_key, item: unknown) =>
      typeof item === 'bigint' ? (item <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(item) : item.toString()) : item,
    2,
  );
}

export type Align = 'left' | 'right';

export interface Column<Row> {
  header: string;
  value: (row: Row) => string;
  align?: Align;
}

/** A plain-text table: one header line, a rule, one line per row. */
export function formatTable<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): string {
  const cells = rows.map((row) => columns.map((column) => column.value(row)));
  const widths = columns.map((column, i) => Math.max(column.header.length, ...cells.map((line) => line[i]!.length)));
  const pad = (text: string, i: number) =>
    columns[i]!.align === 'right' ? text.padStart(widths[i]!) : text.padEnd(widths[i]!);
  const lines = [
    columns.map((column, i) => pad(column.header, i)).join('  '),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...cells.map((line) => line.map(pad).join('  ')),
  ];
  return lines.map((line) => line.trimEnd()).join('\n');
}

/** 214940800 -> "214,940,800". */
export function formatCount(value: number | bigint | null | undefined): string {
  if (value === null || value === undefined) return '-';
  return value.toLocaleString('en-US');
}
