/** Dates as whole day numbers (days since 1970-01-01, UTC), so that ranges are integer arithmetic. */
const MS_PER_DAY = 86_400_000;

export function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY;
}

export function isoDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The calendar year holding most days of [from, to]; on a tie the later one (used to pick list sizes for rates). */
export function rateYear(from: string, to: string): number {
  const first = Number(from.slice(0, 4));
  const last = Number(to.slice(0, 4));
  let best = first;
  let bestDays = -1;
  for (let year = first; year <= last; year++) {
    const start = Math.max(dayNumber(from), dayNumber(`${year}-01-01`));
    const end = Math.min(dayNumber(to), dayNumber(`${year}-12-31`));
    if (end - start + 1 >= bestDays) {
      best = year;
      bestDays = end - start + 1;
    }
  }
  return best;
}
