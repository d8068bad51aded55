// Operators read times in the province's clock whatever the browser's time zone is.
import { currentLanguage } from './i18n.js';

export const timeZone = 'Asia/Ho_Chi_Minh';

const formats = new Map();

function format(kind) {
  const key = `${currentLanguage()}:${kind}`;
  let formatter = formats.get(key);
  if (!formatter) {
    const locale = currentLanguage() === 'vi' ? 'vi-VN' : 'en-GB';
    const options = {
      time: { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false },
      dateTime: { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false },
      shortTime: { hour: '2-digit', minute: '2-digit', hour12: false },
    }[kind];
    formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formats.set(key, formatter);
  }
  return formatter;
}

/** "14:05:09" in Asia/Ho_Chi_Minh; accepts an ISO string, a Date or epoch milliseconds. Empty for null. */
export function formatTime(value) {
  return value == null ? '' : format('time').format(new Date(value));
}

/** "22/11/2026 14:05:09" in Asia/Ho_Chi_Minh. */
export function formatDateTime(value) {
  return value == null ? '' : format('dateTime').format(new Date(value));
}

/** "14:05" in Asia/Ho_Chi_Minh, for chart axes. */
export function formatShortTime(value) {
  return value == null ? '' : format('shortTime').format(new Date(value));
}
