// What people type into date and time fields, turned into the contract's 'YYYY-MM-DD' and
// 'HH:MM'. Both return null for text that is not a real date or time.

const pad = (n: number): string => String(n).padStart(2, '0');

function realDate(y: number, m: number, d: number): string | null {
  const utc = new Date(Date.UTC(y, m - 1, d));
  if (utc.getUTCFullYear() !== y || utc.getUTCMonth() !== m - 1 || utc.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * Accepts 2026-03-14, 14/03/2026, 14.3.2026, 14-3-2026, "14 Mar 2026" and "Sat, 14 March 2026"
 * (day before month, as most clinics outside the US write it; ISO is never ambiguous).
 */
export function parseTypedDate(text: string): string | null {
  const value = text.trim().toLowerCase();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (iso) return realDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numeric = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{4})$/.exec(value);
  if (numeric) return realDate(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  const named = /(\d{1,2})\s+([a-z]{3,})\.?,?\s+(\d{4})$/.exec(value);
  if (named) {
    const month = MONTHS.indexOf(named[2]?.slice(0, 3) ?? '');
    if (month >= 0) return realDate(Number(named[3]), month + 1, Number(named[1]));
  }
  return null;
}

/** Accepts 9:30, 09:30, 9.30, 930, 14, "2:30 pm", "2pm", "12 am". */
export function parseTypedTime(text: string): string | null {
  const value = text.trim().toLowerCase().replace(/\s+/g, '');
  const match = /^(\d{1,2})(?:[:.h]?(\d{2}))?(am|pm|a|p)?$/.exec(value);
  if (!match) return null;
  let hours = Number(match[1]);
  const minutes = match[2] === undefined ? 0 : Number(match[2]);
  const meridiem = match[3]?.[0];
  if (minutes > 59) return null;
  if (meridiem) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (meridiem === 'p' ? 12 : 0);
  }
  if (hours > 23) return null;
  return `${pad(hours)}:${pad(minutes)}`;
}
