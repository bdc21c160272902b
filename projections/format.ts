/** Counts in the notes and messages the projections write: 214940800 -> "214,940,800". */
export const fmt = (n: number): string => n.toLocaleString('en-US');
