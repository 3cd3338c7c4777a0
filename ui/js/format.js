// Pure formatting helpers (no DOM, no IPC), tested with node --test.

/** "2025-01-08" -> "8 January 2025". */
export function formatDate(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const [, y, m, d] = match.map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString("en-GB", {
    day: "numeric", month: "long", year: "numeric", timeZone: "UTC",
  });
}

/** Share of the page scrolled, 0..1, from scroll offset, page height and window height. */
export function scrollProgress(scrollY, scrollHeight, innerHeight) {
  const scrollable = scrollHeight - innerHeight;
  if (scrollable <= 0) return 1;
  return Math.min(1, Math.max(0, scrollY / scrollable));
}
