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

/** Share of the page scrolled, 0..1, from scroll offset, page height and window height. */
export function scrollProgress(scrollY, scrollHeight, innerHeight) {
  const scrollable = scrollHeight - innerHeight;
  if (scrollable <= 0) return 1;
  return Math.min(1, Math.max(0, scrollY / scrollable));
}
