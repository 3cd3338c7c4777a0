// Paints the article, keeps the progress bar current and remembers the reading position.

import { api, figureUrl } from "../shared/api.js";
import { button, el } from "../shared/dom.js";
import { formatDate, scrollProgress } from "../shared/format.js";
import { t } from "../shared/i18n.js";
import { createPace, createWordIndex } from "./pace.js";

const SAVE_DELAY_MS = 400;

/** Height of what covers the top of the article (the toolbar), in px. */
export function topInset() {
  return document.querySelector(".toolbar").getBoundingClientRect().bottom;
}

export function renderArticle(article) {
  const root = document.getElementById("article");
  // The article HTML is written by core from the content pack: every text is escaped and the
  // tag set is fixed (see core/src/content). It is the one HTML string the UI parses; user text
  // (notes, tags) is never assigned as HTML.
  root.innerHTML = article.html;
  root.lang = article.meta.language;
  root.setAttribute("aria-labelledby", "title");
  root.removeAttribute("aria-busy");
  for (const img of root.querySelectorAll("img[data-figure]")) prepareFigure(img);
  root.querySelector(".article-header").append(el("p", "credit-line", t("article-credit", credits(article.meta))));
  document.title = t("window-title", { title: article.meta.title });
  const title = document.getElementById("toolbar-title");
  title.textContent = article.meta.title;
  title.lang = article.meta.language;
  renderAttribution(article.meta);
}

// A figure is fetched and decoded only when it comes within half a screen of the viewport. Each
// map is an SVG document of its own, with thousands of path points: decoding the ones near the
// top at start (WebKit's own lazy loading reaches further than this) cost about 4 MiB and time on
// the way to the first frame. The box is there from the start, so the layout, the reading
// position and the progress bar do not move when the image arrives.
const near = new IntersectionObserver((entries) => {
  for (const entry of entries) {
    if (!entry.isIntersecting) continue;
    near.unobserve(entry.target);
    entry.target.src = figureUrl(entry.target.dataset.figure);
  }
}, { rootMargin: "50% 0px" });

function prepareFigure(img) {
  // An <img> without a source gets no box from its width and height attributes: keep their
  // ratio by hand until it loads.
  img.style.aspectRatio = `${img.getAttribute("width")} / ${img.getAttribute("height")}`;
  near.observe(img);
  const open = button("figure-open");
  const caption = img.closest("figure").querySelector("figcaption");
  open.setAttribute("aria-label", t("figure-open", { caption: caption ? caption.textContent.split(". ")[0] : img.alt }));
  img.replaceWith(open);
  open.append(img);
}

const credits = (meta) => ({
  author: meta.author,
  source: meta.source,
  published: formatDate(meta.published),
  updated: formatDate(meta.updated),
});

function renderAttribution(meta) {
  const footer = document.getElementById("attribution");
  footer.replaceChildren(el("p", undefined, t("article-attribution", credits(meta))));
  // What the pack says of its figures (where they come from) is the article's own text.
  if (meta.figures_credit) {
    const figures = el("p", undefined, meta.figures_credit);
    figures.lang = meta.language;
    footer.append(figures);
  }
}

/** Scrolls so that the point `fraction` down block `id` is just under the toolbar (`gap` px
 *  below it) or, with `center`, in the middle of what the toolbar leaves of the window. The one
 *  scroll the table of contents, bookmarks, the reading position and reveal() share. */
export function scrollToBlock(id, { fraction = 0, center = false, gap = 8 } = {}) {
  const target = document.getElementById(id);
  if (!target) return null;
  const rect = target.getBoundingClientRect();
  const point = window.scrollY + rect.top + fraction * rect.height;
  const inset = topInset();
  const y = center ? point - (inset + window.innerHeight) / 2 : point - inset - gap;
  window.scrollTo({ top: Math.max(0, Math.round(y)), behavior: "instant" });
  return target;
}

function blockElements() {
  return document.querySelectorAll("#article [data-block]");
}

/** The block at the top of the viewport and how much of it is scrolled past. */
export function currentPosition(article) {
  const inset = topInset();
  let found = null;
  for (const block of blockElements()) {
    const rect = block.getBoundingClientRect();
    if (rect.bottom > inset + 1) {
      found = { el: block, rect };
      break;
    }
  }
  const progress = scrollProgress(window.scrollY, document.documentElement.scrollHeight, window.innerHeight);
  if (!found) {
    const last = article.blocks[article.blocks.length - 1];
    return { block_id: last.id, block_fraction: 1, text_offset: last.end, progress };
  }
  const block = article.blocks.find((b) => b.id === found.el.dataset.block);
  const fraction = Math.min(1, Math.max(0, (inset - found.rect.top) / Math.max(1, found.rect.height)));
  const textOffset = block.start + Math.floor(fraction * (block.end - block.start));
  return { block_id: block.id, block_fraction: fraction, text_offset: textOffset, progress };
}

export function restorePosition(position) {
  if (position) scrollToBlock(position.block_id, { fraction: position.block_fraction, gap: 0 });
}

/** The reader's place (the block under the toolbar and how far into it), kept from scrolling
 *  and put back whenever the article's box changes size: a new text size, a wider or narrower
 *  window, the panel opening. Without it the page keeps its scroll offset while the text
 *  reflows, and the reader lands screens away. A scroll that comes with a change of size (the
 *  page got shorter, say) is the reflow's, not the reader's, so it does not move the place. */
function keepPlace(article, repaint) {
  const root = document.getElementById("article");
  let place = currentPosition(article);
  let size = [root.offsetWidth, root.offsetHeight];
  const sameSize = () => root.offsetWidth === size[0] && root.offsetHeight === size[1];
  new ResizeObserver(() => {
    if (sameSize()) return;
    size = [root.offsetWidth, root.offsetHeight];
    restorePosition(place);
    repaint();
  }).observe(root);
  return {
    /** The reader scrolled to `position` (unless the page's size changed with it: a reflow). */
    scrolled(position) {
      if (sameSize()) place = position;
    },
  };
}

/** How long is left of the section and of the article, at the reader's pace, in the toolbar.
 *  The pace learns where the reader settles (not from every frame of a scroll) and is saved now
 *  and then, as a preference. */
function timeLeft(article, prefs) {
  const index = createWordIndex(article.blocks);
  const pace = createPace(prefs.get("reading_pace"));
  const el = document.getElementById("time-left");
  let saved = pace.wpm();
  let saveTimer = 0;
  let shown = "";
  return {
    /** The reader settled at `position`. */
    observe(position) {
      if (!pace.observe(index.before(position.text_offset), performance.now())) return;
      if (Math.abs(pace.wpm() - saved) < 5 || saveTimer) return;
      saveTimer = setTimeout(() => {
        saveTimer = 0;
        saved = pace.wpm();
        prefs.set("reading_pace", saved);
      }, 30_000);
    },
    /** Shows the time left at `position` in `section`; returns the minutes, as strings. */
    show(position, section) {
      const words = index.before(position.text_offset);
      const left = { article: String(pace.minutes(index.total - words)), section: String(pace.minutes(index.sectionEnd(section.id) - words)) };
      const key = `${left.article}/${left.section}`;
      if (key !== shown) {
        shown = key;
        el.textContent = t("time-left", left);
        el.title = t("time-left-detail", left);
      }
      return left;
    },
  };
}

/** Keeps the progress bar, the time left and the TOC current, and saves the position after
 *  scrolling stops; `save()` saves it now. */
export function trackPosition(article, toc, prefs) {
  const fill = document.getElementById("progress-fill");
  const bar = document.getElementById("progress");
  const label = document.getElementById("progress-label");
  let frame = 0;
  let saveTimer = 0;
  const keyOf = (position) => `${position.block_id}:${position.block_fraction.toFixed(3)}`;
  // Called right after restorePosition: where the page is now is what the store holds, so the
  // scroll that restoring caused saves nothing (a write, and an fsync, at every start otherwise).
  let lastSaved = keyOf(currentPosition(article));
  const time = timeLeft(article, prefs);
  let keep = null;

  function paint() {
    frame = 0;
    const position = currentPosition(article);
    keep?.scrolled(position);
    const percent = String(Math.round(position.progress * 100));
    fill.style.transform = `scaleX(${position.progress})`;
    const left = time.show(position, toc.markCurrent());
    bar.setAttribute("aria-valuenow", percent);
    bar.setAttribute("aria-valuetext", t("progress-read", { percent, minutes: left.article }));
    label.textContent = t("progress-percent", { percent });
  }

  async function save() {
    const position = currentPosition(article);
    time.observe(position);
    const key = keyOf(position);
    if (key === lastSaved) return;
    try {
      await api.saveReadingPosition(article.meta.id, position);
      lastSaved = key;
      document.documentElement.dataset.positionSaved = position.block_id;
    } catch (error) {
      // Where nothing can be saved the reader says so once (the read-only notice), not at
      // every scroll.
      if (!error || error.kind !== "cannot_save") console.error("could not save the reading position", error && error.message);
    }
  }

  keep = keepPlace(article, paint);
  window.addEventListener("scroll", () => {
    if (!frame) frame = requestAnimationFrame(paint);
    clearTimeout(saveTimer);
    saveTimer = setTimeout(save, SAVE_DELAY_MS);
  }, { passive: true });
  window.addEventListener("resize", () => {
    if (!frame) frame = requestAnimationFrame(paint);
  });
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") save();
  });
  paint();
  return { save };
}
