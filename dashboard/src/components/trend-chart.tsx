/**
 * A line chart of one rate per brand over days or weeks, drawn with uPlot (loaded on first use,
 * so the other pages do not download it). The chart is a picture for sighted users; the same
 * numbers, with their intervals, are in the table that goes with it (pages/overview.tsx).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type uPlot from 'uplot';

export interface TrendSeries {
  label: string;
  /** CSS colour of the line. */
  color: string;
  /** Emphasised (the own brand). */
  strong?: boolean;
  /** One value per period; null where the brand has no answers. */
  values: Array<number | null>;
}

/** How the y axis reads: rates from 0 to 100%, or another metric's own range and unit. */
export interface TrendScale {
  /** Fixed range; null fits the data. */
  range: [number, number] | null;
  /** Axis and legend text of a value. */
  format(value: number): string;
  /** Smaller values drawn higher (rank: 1 is best). */
  reversed?: boolean;
}

/** A change event marked on the chart: a dashed vertical line at its period. */
export interface TrendMark {
  period: string;
  label: string;
}

export const RATE_SCALE: TrendScale = { range: [0, 1], format: (v) => `${Math.round(v * 100)}%` };

const DAY = 86_400;
const DAY_INCREMENTS = [DAY, 2 * DAY, 7 * DAY, 14 * DAY, 28 * DAY, 91 * DAY, 364 * DAY];
const dayFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
/** Periods are calendar dates (YYYY-MM-DD in the workspace's time zone), placed at UTC midnight. */
const dayLabel = (seconds: number) => dayFormat.format(new Date(seconds * 1000));

export function TrendChart({
  periods,
  series,
  label,
  scale = RATE_SCALE,
  marks = [],
}: {
  periods: string[];
  series: TrendSeries[];
  label: string;
  scale?: TrendScale;
  marks?: TrendMark[];
}) {
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let chart: uPlot | null = null;
    let resize: ResizeObserver | null = null;
    let cancelled = false;
    Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')])
      .then(([{ default: UPlot }]) => {
        if (cancelled) return;
        const xs = periods.map((p) => Date.parse(`${p}T00:00:00Z`) / 1000);
        const size = () => ({ width: Math.max(280, el.clientWidth), height: 260 });
        chart = new UPlot(
          {
            ...size(),
            // Periods are calendar days in the workspace's time zone: label them as such.
            tzDate: (ts) => UPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
            scales: {
              // uPlot stretches a single point's time axis over years: show the week around it.
              x: {
                time: true,
                range: (_u, min, max) => (xs.length === 1 ? [min - 3 * DAY, min + 3 * DAY] : [min, max]),
              },
              y: {
                ...(scale.range ? { range: scale.range } : {}),
                ...(scale.reversed ? { dir: -1 as const } : {}),
              },
            },
            axes: [
              // Ticks on whole days (or weeks, months) only, labelled as dates.
              { incrs: DAY_INCREMENTS, values: (_u, ticks) => ticks.map(dayLabel) },
              { values: (_u, ticks) => ticks.map((t) => scale.format(t)) },
            ],
            hooks: {
              // Events as dashed vertical lines at their period, labelled at the top.
              draw: [
                (u: uPlot) => {
                  const ctx = u.ctx;
                  ctx.save();
                  ctx.strokeStyle = '#6b4fbb';
                  ctx.fillStyle = '#4a3590';
                  ctx.lineWidth = Math.max(1, devicePixelRatio);
                  ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
                  ctx.font = `${11 * devicePixelRatio}px sans-serif`;
                  for (const m of marks) {
                    const x = Math.round(u.valToPos(Date.parse(`${m.period}T00:00:00Z`) / 1000, 'x', true));
                    if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) continue;
                    ctx.beginPath();
                    ctx.moveTo(x, u.bbox.top);
                    ctx.lineTo(x, u.bbox.top + u.bbox.height);
                    ctx.stroke();
                    ctx.fillText(m.label.slice(0, 24), x + 3 * devicePixelRatio, u.bbox.top + 12 * devicePixelRatio);
                  }
                  ctx.restore();
                },
              ],
            },
            series: [
              { label: 'Period', value: (_u, v) => (v === null ? '—' : dayLabel(v)) },
              ...series.map((s) => ({
                label: s.label,
                stroke: s.color,
                width: s.strong ? 3 : 1.5,
                points: { show: true, size: s.strong ? 9 : 7 },
                value: (_u: uPlot, v: number | null) => (v === null ? '—' : scale.format(v)),
              })),
            ],
          },
          [xs, ...series.map((s) => s.values)] as uPlot.AlignedData,
          el,
        );
        resize = new ResizeObserver(() => chart?.setSize(size()));
        resize.observe(el);
      })
      .catch((err: unknown) => setFailed(err instanceof Error ? err.message : String(err)));
    return () => {
      cancelled = true;
      resize?.disconnect();
      chart?.destroy();
    };
  }, [periods, series, scale, marks]);

  if (failed)
    return (
      <p class="error" role="alert">
        The chart could not be drawn ({failed}); the table below has the same numbers.
      </p>
    );
  return <div class="trend-chart" ref={box} role="img" aria-label={label} data-marks={marks.length} />;
}
