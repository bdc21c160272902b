/**
 * Percent of class as people read it on a cover page. Two sources, printed
 * differently on purpose: a figure the ledger computed (two decimals, as row 13
 * is conventionally written) and a figure a filing reported (at the filing's
 * own precision, never padded: "8.5%", not "8.50%").
 */
import type { ReportedPercent } from '../../domain/index.js';

/** A computed percent: "85.72%"; under 1% as cover pages write it, with the figure beside it. */
export function formatPercent(value: number | null): string {
  if (value === null) return 'unknown';
  if (value === 0) return '0%';
  if (value < 1) return `less than 1% (${value.toPrecision(2)}%)`;
  return `${value.toFixed(2)}%`;
}

/** A reported figure with no text at hand: at most two decimals, trailing zeros dropped ("8.5%", "9.9%", "85.72%"). */
export function formatReportedPercentValue(value: number): string {
  return `${Number(value.toFixed(2)).toString()}%`;
}

/** Row 13 as the filing wrote it: "85.72%", "Less than 1%"; XML writes a bare "8.5", shown as "8.5%". */
export function formatReportedPercent(reported: ReportedPercent): string {
  const text = reported.text.trim();
  if (text === '') {
    return reported.kind === 'value' ? formatReportedPercentValue(reported.value) : `less than ${reported.bound}%`;
  }
  return /^[\d.]+$/.test(text) ? `${text}%` : text;
}

/** True when a value has the shape of a reported percent (diff rows carry them as unknown). */
export function isReportedPercent(value: unknown): value is ReportedPercent {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { kind?: unknown; text?: unknown };
  return (v.kind === 'value' || v.kind === 'less-than') && typeof v.text === 'string';
}

/** Shortens a projection's reason for an unknown percent to what the reader needs. */
export function percentUnknownReason(reason: string | null): string {
  if (reason === null) return 'percent unknown';
  if (/^shares outstanding are not known/.test(reason)) return 'percent unknown: shares outstanding not known';
  return `percent unknown: ${reason}`;
}
