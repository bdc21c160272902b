import { describe, expect, it } from 'vitest';
import {
  isValidCusip,
  parseCount,
  parseDollars,
  parseLongDate,
  parsePercent,
  splitFootnoteMarkers,
} from '../../src/ingest/values.js';

describe('values as filings write them', () => {
  it('checks the CUSIP check digit', () => {
    expect(isValidCusip('09175M507')).toBe(true);
    // The synthetic fixtures' 75934R103, a letter among the digits, checked by hand: 7, 5, 9, 3, 4, R = 27, 1, 0 with
    // every second value doubled (10, 6, 54, 0) and digits summed: 7 + 1 + 9 + 6 + 4 + (5 + 4) + 1 + 0 = 37; (10 - 7)
    // mod 10 = 3
    expect(isValidCusip('75934R103')).toBe(true);
    expect(isValidCusip('75934R104')).toBe(false);
    expect(isValidCusip('09175M508')).toBe(false);
  });

  it('splits footnote markers off a value in every spelling', () => {
    expect(splitFootnoteMarkers('214,940,800 ⁽¹⁾')).toEqual({ text: '214,940,800', markers: ['1'] });
    expect(splitFootnoteMarkers('162 (1)')).toEqual({ text: '162', markers: ['1'] });
    expect(splitFootnoteMarkers('77*')).toEqual({ text: '77', markers: ['*'] });
    expect(splitFootnoteMarkers('0')).toEqual({ text: '0', markers: [] });
  });

  it('reads counts, percents, dates and dollars, and nothing else', () => {
    expect(parseCount('214,940,800')).toBe(214_940_800);
    expect(parseCount('-0-')).toBe(0);
    expect(parseCount('21A,940')).toBeUndefined();
    expect(parseCount('214,94,800')).toBeUndefined();
    expect(parsePercent('Less than 1%')).toEqual({ kind: 'less-than', bound: 1, text: 'Less than 1%' });
    expect(parsePercent('85.72%')).toEqual({ kind: 'value', value: 85.72, text: '85.72%' });
    expect(parseLongDate('July 23, 2024')).toBe('2024-07-23');
    expect(parseLongDate('February 30, 2024')).toBeUndefined();
    expect(parseDollars('$41.5 million')).toBe(41_500_000);
    expect(parseDollars('$147,340.50')).toBe(147_340.5);
  });
});
