// Dutch formats for everything a deck shows: 1.234 and 12,5; 12 maart 2026.

const integers = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const decimalFormats = new Map<number, Intl.NumberFormat>();

export function formatNumber(value: number | null | undefined, decimals = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  if (decimals === 0) return integers.format(value);
  let format = decimalFormats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    decimalFormats.set(decimals, format);
  }
  return format.format(value);
}

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** "2026-03-12" → "12 maart 2026". */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day} ${MONTHS[(month ?? 1) - 1]} ${year}`;
}

/** "2025-10-31" → "31-10-2025", as the data end is written beside a period. */
export function formatDay(iso: string): string {
  return `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
}

/** Spec §5 "Data end": the mark of a period that ends after the data does, e.g. "onvolledig (gegevens tot 31-10-2025)"; '' when complete. */
export function incompleteEndMark(period: { to: string; dataEnd?: string | null }): string {
  if (period.dataEnd === undefined) return '';
  if (period.dataEnd === null) return 'onvolledig (geen gegevens)';
  return period.to > period.dataEnd ? `onvolledig (gegevens tot ${formatDay(period.dataEnd)})` : '';
}

/** A period's label: its own, the year for one calendar year, otherwise "1 juli 2024 – 30 juni 2025"; with the data-end mark when it applies. */
export function periodLabel(period: { from: string; to: string; label?: string; dataEnd?: string | null }): string {
  const mark = incompleteEndMark(period);
  return mark ? `${plainPeriodLabel(period)} ${mark}` : plainPeriodLabel(period);
}

function plainPeriodLabel(period: { from: string; to: string; label?: string }): string {
  if (period.label) return period.label;
  const year = period.from.slice(0, 4);
  if (period.from === `${year}-01-01` && period.to === `${year}-12-31`) return year;
  return `${formatDate(period.from)} – ${formatDate(period.to)}`;
}

/**
 * A file name for an export, e.g. "FTO-presentatie-FTO-Noord-2026-03-12.pptx": no spaces (easy in a shell) and no
 * characters that Windows, macOS or Linux refuse in a file name.
 */
export function deckFileName(group: string, date: string | null | undefined, extension: 'html' | 'pdf' | 'pptx'): string {
  const safe = group
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
    .trim()
    .replace(/[.\s]+$/, '')
    .replace(/\s+/g, '-');
  const day = date ?? new Date().toISOString().slice(0, 10);
  return `FTO-presentatie-${safe || 'FTO-groep'}-${day}.${extension}`;
}
