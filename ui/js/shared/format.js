// Pure formatting helpers (no DOM, no IPC), tested with node --test.

// The article and the UI are English. Spelling the months out here, rather than through
// Intl.DateTimeFormat, keeps ICU's date formatting (its data and code) out of the startup path.
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December"];

/** "2025-01-08" -> "8 January 2025"; anything else is returned as it is. */
export function formatDate(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const [, y, m, d] = match.map(Number);
  if (m < 1 || m > 12 || d < 1 || d > 31) return iso;
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** Share of the page scrolled, 0..1, from scroll offset, page height and window height. */
export function scrollProgress(scrollY, scrollHeight, innerHeight) {
  const scrollable = scrollHeight - innerHeight;
  if (scrollable <= 0) return 1;
  return Math.min(1, Math.max(0, scrollY / scrollable));
}
