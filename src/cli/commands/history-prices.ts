/**
 * Prices for the history table. A change entry carries a per-share price only
 * where the event states one; many disclosures give a total instead ("88 Shares
 * for a total purchase price of $739,948", "$41.5 million"), or a conversion or
 * exercise price. Those are read from the fact itself and printed with their label.
 */
import type { HistoryEntry } from '../../../projections/index.js';
import type { FactEvent } from '../../domain/index.js';
import { formatMoney } from '../output.js';

/** Per-share prices from the fact are in the share basis of its date; a restated entry says so. */
function perShare(value: number, label: string, entry: HistoryEntry): string {
  return `${formatMoney(value)}/share ${label}${entry.splitFactorApplied === 1 ? '' : ' (before restating)'}`.trim();
}

export function priceLabel(entry: HistoryEntry, event: FactEvent | undefined): string {
  const d = event?.data as Record<string, unknown> | undefined;
  const num = (key: string) => (d !== undefined && typeof d[key] === 'number' ? (d[key] as number) : null);
  // The entry's own per-share price is already in the share basis shown.
  const own = entry.pricePerShare === null ? null : `${formatMoney(entry.pricePerShare)}/share`;
  switch (event?.type) {
    case 'SharesPurchased': {
      const total = num('totalPrice');
      return own ?? (total === null ? '' : `${formatMoney(total)} total`);
    }
    case 'PreferredIssued': {
      const total = num('purchasePrice');
      return total === null ? '' : `${formatMoney(total)} purchase price`;
    }
    case 'ConvertibleNoteIssued': {
      const price = num('conversionPrice');
      return price === null ? '' : perShare(price, 'conversion', entry);
    }
    case 'WarrantsIssued':
    case 'OptionsGranted': {
      const price = num('exercisePrice');
      return own === null ? (price === null ? '' : perShare(price, 'exercise', entry)) : `${own} exercise`;
    }
    default:
      return own ?? '';
  }
}
