// What the reader calls each section: its heading, or, for the text before the first heading
// (which core names itself), "Introduction" in the UI's language.

import { t } from "../shared/i18n.js";

export const sectionTitle = (section) => (section.untitled ? t("section-introduction") : section.title);

/** Section id -> title, for the article's sections. */
export const sectionTitles = (article) => new Map(article.sections.map((s) => [s.id, sectionTitle(s)]));

/** Marks `el`, which shows a section's title, with the article's language when the title is the
 *  article's own words (screen readers then read it in that language). */
export function markLanguage(el, section, article) {
  if (!section.untitled) el.lang = article.meta.language;
  return el;
}
