/** Date rules of meetings and agreements, kept in one place so the UI's defaults and the core's agree. */

/** Today as YYYY-MM-DD in local time (a meeting's date is local too). */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The same day a year later; 29 February becomes 28 February. */
export function sameDayNextYear(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const next = `${year + 1}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return month === 2 && day === 29 && !isRealDate(next) ? `${year + 1}-02-28` : next;
}

export function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function addDays(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** "3 maart 2025" or "3 maart 2025, 19:30". */
export function dutchDate(value: string | null): string {
  if (!value) return 'datum nog niet bekend';
  const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const time = value.length >= 16 ? `, ${value.slice(11, 16)}` : '';
  return `${day} ${months[month - 1]} ${year}${time}`;
}

/** "21-11-2024": the short Dutch date, for table cells that hold a date in a text. */
export function dutchShortDate(value: string | null | undefined): string {
  if (!value) return '';
  const [year, month, day] = value.slice(0, 10).split('-');
  return `${day}-${month}-${year}`;
}

/** "2024" for a calendar year, otherwise "1 april 2023 t/m 31 maart 2024". */
export function dutchPeriod(from: string, to: string): string {
  if (from.slice(5) === '01-01' && to.slice(5) === '12-31' && from.slice(0, 4) === to.slice(0, 4)) return from.slice(0, 4);
  return `${dutchDate(from)} t/m ${dutchDate(to)}`;
}

/** Always both dates: "1 januari 2024 t/m 31 december 2024" (the report, where a bare "2024" was misread). */
export function fullPeriod(from: string, to: string): string {
  return `${dutchDate(from)} t/m ${dutchDate(to)}`;
}
