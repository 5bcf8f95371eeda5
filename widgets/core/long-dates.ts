/** Dates said in full, as the reading view and the CMS's item pages say them (kept apart from dates.ts: only the lazy reading view needs them). */
import { formatLondonDate, formatLondonTime, LONDON } from './dates.js';

/**
 * An instant in London as GOV.UK says it, in two parts for a `{time} on {date}` sentence: "11:59pm" and
 * "Tuesday 31 March 2026"; "9am", "midday", "midnight" (which belongs to the day it starts). Other
 * languages get their own clock and date forms.
 */
export function londonWhen(ms: number, lang: string): { time: string; date: string } {
  const time = formatLondonTime(ms, lang);
  const spoken = { '12:00pm': 'midday', '12:00am': 'midnight' }[time] ?? time.replace(/:00([ap]m)$/, '$1');
  const weekday = new Intl.DateTimeFormat(lang, { timeZone: LONDON, weekday: 'long' }).format(ms);
  return { time: lang.toLowerCase().startsWith('en') ? spoken : time, date: `${weekday} ${formatLondonDate(ms, lang)}` };
}
