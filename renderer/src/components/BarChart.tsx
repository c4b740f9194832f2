import type { SeriesRole } from '../../../domain';
import { useI18n } from '../i18n';

/** A series' colour is its meaning's (domain/palette.ts), as on the slides. */
export type Tone = SeriesRole;

export interface Series {
  name: string;
  tone: Tone;
  /** null: not known (a rate without a list size); that bar is left out. */
  values: (number | null)[];
}

interface Props {
  title: string;
  categories: string[];
  series: Series[];
  /** Stacked bars (parts of one whole) instead of bars side by side. */
  stacked?: boolean;
  /** Categories whose figures are incomplete (the look-back); they get a mark under the axis. */
  incomplete?: boolean[];
  /** Decimals of the axis and the tooltips (rates have one). */
  digits?: number;
}

const W = 460;
const H = 230;
const PAD = { left: 44, right: 8, top: 10, bottom: 40 };

/** A plain SVG bar chart: no library, CSP-safe, colours from the stylesheet (one per tone). */
export function BarChart({ title, categories, series, stacked, incomplete, digits = 0 }: Props) {
  const { t, formatNumber } = useI18n();
  const totals = categories.map((_, i) =>
    stacked ? series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0) : Math.max(0, ...series.map((s) => s.values[i] ?? 0)),
  );
  const max = niceMax(Math.max(1, ...totals));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const band = plotW / Math.max(1, categories.length);
  const barW = stacked ? band * 0.55 : (band * 0.75) / Math.max(1, series.length);
  const y = (value: number) => PAD.top + plotH - (value / max) * plotH;
  const ticks = [0, max / 2, max];

  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title}>
        {ticks.map((tick) => (
          <g key={tick}>
            <line className="grid" x1={PAD.left} x2={W - PAD.right} y1={y(tick)} y2={y(tick)} />
            <text className="tick" x={PAD.left - 6} y={y(tick) + 4} textAnchor="end">
              {formatNumber(tick, Number.isInteger(tick) ? 0 : digits)}
            </text>
          </g>
        ))}
        {categories.map((category, i) => {
          const x0 = PAD.left + band * i + (band - (stacked ? barW : barW * series.length)) / 2;
          let base = 0;
          return (
            <g key={category}>
              {series.map((s, j) => {
                const value = s.values[i];
                if (value === null || value === undefined) return null;
                const top = stacked ? base + value : value;
                const rect = (
                  <rect
                    key={s.name}
                    className={`bar tone-${s.tone}`}
                    x={stacked ? x0 : x0 + j * barW}
                    y={y(top)}
                    width={Math.max(1, barW - (stacked ? 0 : 2))}
                    height={Math.max(0, y(stacked ? base : 0) - y(top))}
                  >
                    <title>{`${category} · ${s.name}: ${formatNumber(value, digits)}`}</title>
                  </rect>
                );
                base = top;
                return rect;
              })}
              <text className="tick" x={PAD.left + band * i + band / 2} y={H - PAD.bottom + 16} textAnchor="middle">
                {category}
              </text>
              {incomplete?.[i] && (
                <text className="tick incomplete-mark" x={PAD.left + band * i + band / 2} y={H - PAD.bottom + 30} textAnchor="middle">
                  {t('figures.incomplete')}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <ul className="legend">
        {series.map((s) => (
          <li key={s.name}>
            <span className={`swatch tone-${s.tone}`} aria-hidden="true" />
            {s.name}
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** A round, even upper bound for the axis (its half is a whole tick too): 2, 4, 6, 8 or 10 times a power of ten. */
function niceMax(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  return [2, 4, 6, 8, 10].map((f) => f * power).find((candidate) => candidate >= value) ?? 10 * power;
}
