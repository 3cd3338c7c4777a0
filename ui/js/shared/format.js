// Formatting helpers without the DOM or IPC, tested with node --test.

import { t } from "./i18n.js";

/** "2025-01-08" -> the catalogue's long date ("8 January 2025", "8 tháng 1, 2025"); anything
 *  else is returned as it is. The parts go in as strings and the month as a selector, so no
 *  Intl formatter (ICU's date and number code and data) is on the startup path. */
export function formatDate(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const [, y, m, d] = match.map(Number);
  if (m < 1 || m > 12 || d < 1 || d > 31) return iso;
  return t("date-long", { day: String(d), month: m, monthNumber: String(m), year: String(y) });
}

const two = (n) => String(n).padStart(2, "0");

/** The local calendar day of an RFC 3339 time, as the catalogue writes dates (formatDate).
 *  Anything unreadable is returned as it is. */
export function localDay(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return formatDate(`${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`);
}

/** An RFC 3339 time as the local day and time of day ("3 December 2026, 09:45"). */
export function localDateTime(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return t("date-time", { date: localDay(iso), time: `${two(d.getHours())}:${two(d.getMinutes())}` });
}

/** Share of the page scrolled, 0..1, from scroll offset, page height and window height. */
export function scrollProgress(scrollY, scrollHeight, innerHeight) {
  const scrollable = scrollHeight - innerHeight;
  if (scrollable <= 0) return 1;
  return Math.min(1, Math.max(0, scrollY / scrollable));
}
