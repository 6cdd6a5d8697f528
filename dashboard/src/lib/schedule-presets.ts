/**
 * The audit form's schedule presets: every day or every week at a time, as the five-field cron
 * expressions the API takes ("30 7 * * 1": Mondays at 07:30), and back, so a saved audit opens on
 * the preset it was made with. Anything else is a custom expression, shown as it is.
 */
export type Repeat = 'manual' | 'daily' | 'weekly' | 'custom';

export interface Preset {
  repeat: Repeat;
  /** HH:MM, 24-hour. */
  at: string;
  /** 0 (Sunday) to 6, as cron counts. */
  weekday: string;
}

const pad = (n: string) => n.padStart(2, '0');

/** The preset a cron expression comes from, or 'custom'. */
export function presetOf(schedule: string | null): Preset {
  if (!schedule) return { repeat: 'manual', at: '06:00', weekday: '1' };
  const m = /^(\d{1,2}) (\d{1,2}) \* \* (\*|[0-6])$/.exec(schedule.trim());
  const [minute, hour] = [Number(m?.[1]), Number(m?.[2])];
  if (!m || minute > 59 || hour > 23) return { repeat: 'custom', at: '06:00', weekday: '1' };
  const at = `${pad(String(hour))}:${pad(String(minute))}`;
  return m[3] === '*' ? { repeat: 'daily', at, weekday: '1' } : { repeat: 'weekly', at, weekday: m[3] as string };
}

/** The cron expression of a preset ("06:30", weekly on Monday → "30 6 * * 1"). */
export function cronOf(repeat: Repeat, at: string, weekday: string, custom: string): string {
  if (repeat === 'manual') return '';
  if (repeat === 'custom') return custom;
  const [h = '6', m = '0'] = at.split(':');
  const time = `${Number(m)} ${Number(h)}`;
  return repeat === 'daily' ? `${time} * * *` : `${time} * * ${weekday}`;
}
