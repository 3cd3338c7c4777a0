# Margin's UI in English. Every message id here is used by the UI (ui/tests/i18n.test.mjs checks
# both ways), and vi.ftl has the same ids. Attributes (.title, .aria-label, .placeholder) are
# what screen readers and tooltips say.

## The window and the toolbar

app-name = Margin
window-title = { $title } — Margin
skip-to-article = Skip to the article
toolbar-toc =
    .title = Table of contents (T)
toolbar-toc-label = Table of contents
toolbar-text-size =
    .aria-label = Text size
toolbar-smaller =
    .title = Smaller text (−)
toolbar-smaller-label = Smaller text
toolbar-larger =
    .title = Larger text (+)
toolbar-larger-label = Larger text
toolbar-settings =
    .title = Settings: font, line spacing, column width, backups
toolbar-settings-label = Settings
toolbar-theme =
    .title = Theme (D cycles)
toolbar-theme-label = Theme
theme-system = System theme
theme-light = Light
theme-sepia = Sepia
theme-dark = Dark
toolbar-language =
    .title = Language of Margin’s menus and messages
toolbar-language-label = Language
language-system = System language
toolbar-bookmark =
    .title = Bookmark this section (B)
toolbar-bookmark-label = Bookmark this section
toolbar-unbookmark =
    .title = Remove the bookmark of this section (B)
toolbar-unbookmark-label = Remove the bookmark of this section
toolbar-panel =
    .title = Highlights, bookmarks and notes (A)
toolbar-panel-label = Highlights, bookmarks and notes
toolbar-help =
    .title = Keyboard shortcuts (?)
toolbar-help-label = Keyboard shortcuts
toolbar-about =
    .title = About this article and Margin (I)
toolbar-about-label = About
progress =
    .aria-label = Reading progress
progress-percent = { $percent }%
progress-read = { $percent }% read, about { $minutes } min left
# Time left at the reader's own pace, in whole minutes.
time-left = { $article } min left
time-left-detail = About { $section } min left in this section, { $article } min in the article, at your reading pace

## The article

toc =
    .aria-label = Table of contents
toc-heading = Contents
toc-bookmarked =
    .aria-label = bookmarked
    .title = Bookmarked
section-introduction = Introduction
attribution =
    .aria-label = Attribution
article-credit = By { $author } · { $source } · published { $published }, updated { $updated }
article-attribution = Article by { $author }, first published by { $source } on { $published }, updated { $updated }.
figure-open = Open figure in viewer: { $caption }
# $month is 1–12; $day, $monthNumber and $year are the digits as written.
date-long = { $day } { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $year }
# A day and a time of day: "3 December 2026, 09:45".
date-time = { $date }, { $time }

## Highlights: colours, the selection toolbar and the editor

# Lower case: it stands inside sentences ("Highlight yellow (Key idea)").
colour-name = { $colour ->
        [yellow] yellow
        [green] green
        [blue] blue
        [pink] pink
        [purple] purple
       *[other] { $colour }
    }
# What each colour means until the user renames it.
colour-default-meaning = { $colour ->
        [yellow] Key idea
        [green] Fact or date
        [blue] Context
        [pink] Question
        [purple] To remember
       *[other] { $colour }
    }
bar =
    .aria-label = Highlight the selection
bar-highlight-colour = Highlight { $colour } ({ $meaning })
bar-note = Note
bar-tag = Tag
bar-copy = Copy
editor =
    .aria-label = Highlight
editor-colours =
    .aria-label = Colour
editor-colour-label = { $colour } ({ $meaning })
editor-tabs =
    .aria-label = Note
editor-write = Write
editor-preview-tab = Preview
editor-note =
    .placeholder = Write a note… (Markdown)
    .aria-label = Note, in Markdown
editor-tags =
    .aria-label = Tags
editor-tag-input =
    .placeholder = Add a tag, press Enter
    .aria-label = Add a tag
editor-remove-tag = Remove tag { $tag }
editor-delete = Delete
editor-done = Done
editor-saving = Saving…
editor-saved = Saved
editor-editing = Editing…

## The panel

panel =
    .aria-label = Highlights, bookmarks and notes
panel-tabs =
    .aria-label = Panel
panel-tab-highlights = Highlights
panel-tab-bookmarks = Bookmarks
panel-tab-notes = Notes
panel-close =
    .title = Close panel (A)
panel-close-label = Close panel
panel-search =
    .placeholder = Search quotes, notes, tags
    .aria-label = Search highlights
panel-colour-filter =
    .aria-label = Filter by colour
panel-filter-colour = Filter { $colour } ({ $meaning })
panel-filter-colour-title = Show only { $meaning }
panel-tag-filter =
    .aria-label = Filter by tag
panel-all-tags = All tags
panel-list =
    .aria-label = Highlights in document order
panel-count = { $total }
panel-count-filtered = { $shown } of { $total }
panel-orphan = Not found in the current text
panel-trimmed = Part of this passage is no longer in the text; the highlight keeps the rest.
panel-edit = Edit
panel-empty = No highlights yet. Select text in the article to highlight it.
panel-no-match = No highlight matches the filters.
panel-colour-meanings = What the colours mean
panel-meaning-of = Meaning of { $colour }
panel-export-w3c = Export W3C…
panel-export-markdown = Export Markdown…
panel-import = Import…
export-w3c-title = Export as W3C Web Annotations
export-markdown-title = Export as Markdown
import-title = Import W3C Web Annotations
file-type-w3c = W3C Web Annotation (JSON-LD)
file-type-markdown = Markdown
export-full-title = Export everything you made
file-type-full = Margin export (JSON-LD)
bm-add-section = Bookmark this section
bm-add-position = Bookmark this exact place
bm-list =
    .aria-label = Bookmarks
bm-empty = No bookmarks yet. Press B to bookmark the section you are reading.
bm-kind-section = Section · { $section }
bm-kind-position = Position in { $section }
bm-label =
    .placeholder = Label (optional)
    .aria-label = Bookmark label
bm-remove = Remove
notes-whole-article = The whole article
notes-article-area =
    .placeholder = Notes on the whole article (Markdown)…
    .aria-label = Note: { $title }
notes-section-area =
    .placeholder = Notes on this section (Markdown)…
    .aria-label = Note: { $title }
notes-preview = Preview
notes-edit = Edit
notes-editing = Editing…
notes-saving = Saving…
notes-saved = Saved { $time }
notes-not-saved = Not saved: { $error }

## Dialogs

settings-title = Settings
settings-font = Font
settings-font-serif = Serif
settings-font-sans = Sans-serif
settings-font-dyslexic = OpenDyslexic
    .title = A typeface some readers with dyslexia find easier to read
settings-spacing = Line spacing
settings-spacing-compact = Compact
settings-spacing-normal = Normal
settings-spacing-relaxed = Relaxed
settings-width = Column width
settings-width-narrow = Narrow
settings-width-medium = Medium
settings-width-wide = Wide
backups-title = Backups
backups-about = Margin backs up your highlights, notes, bookmarks and settings once a day while you read, and before every update of its database. It keeps a week of daily backups and four weekly ones.
backups-now = Back up now
backups-restore-file = Restore from a file…
backups-none = No backups yet.
backups-size-kb = { $size } KB
backups-size-mb = { $size } MB
backups-kind-daily = Daily
backups-kind-manual = Made by you
backups-kind-before-migration = Before an update
backups-kind-before-restore = Before a restore
backups-restore = Restore
backups-restore-label = Restore the backup of { $when }
backups-restore-question = Replace your data with this backup? What is there now is backed up first.
backups-restore-confirm = Replace
backups-restore-cancel = Cancel
backups-file-dialog-title = Restore a Margin backup
backups-file-type = Margin backup
backups-move-title = Moving to another computer
backups-move = Export everything you made (highlights, notes, bookmarks, colour meanings, settings) into one file, then import it in Margin on the other computer. Where both have a version of something, the newer one is kept.
backups-export-all = Export everything…
backups-import = Import…

print-title = Print
print-what = What to print
print-what-article = The article, with my highlights and notes
print-what-notes = My highlights and notes only
print-go = Print…
# On paper: the heading of the notes after the article, and of the notes printed alone.
print-your-notes = Your notes
print-notes-title = Highlights and notes
print-free-notes = Notes
print-byline = { $author } · { $source } · { $published }
print-nothing = No highlights or notes yet.
# Above each printed highlight: its colour's meaning and the day it was made.
print-item-meta = { $meaning } · { $date }

dialog-close =
    .title = Close (Esc)
dialog-close-label = Close
help-title = Keyboard shortcuts
about-title = About
about-the-article = The article
about-article = Article
about-author = Author
about-published = Published
about-updated = Updated
about-source = Source
about-byline = Original byline
about-figures = Maps and figures
about-margin = Margin
about-margin-text = Margin { $version } — an offline reader for learning from an article. It never connects to the network.
# $path is the database file, shown as code.
about-data-location = Your data is kept in { $path }.
viewer-zoom-group =
    .aria-label = Zoom
viewer-zoom-out =
    .title = Zoom out (−)
viewer-zoom-out-label = Zoom out
viewer-zoom-in =
    .title = Zoom in (+)
viewer-zoom-in-label = Zoom in
viewer-reset =
    .title = Fit (0)
viewer-reset-label = Fit to window
viewer-figures-group =
    .aria-label = Figures
viewer-previous =
    .title = Previous figure (P)
viewer-previous-label = Previous figure
viewer-next =
    .title = Next figure (N)
viewer-next-label = Next figure
# Which figure of how many, e.g. "2 / 4".
viewer-position = { $index } / { $total }
viewer-stage =
    .aria-label = Figure; drag or use the arrow keys to pan, + and − to zoom

## Find in the article

find-bar =
    .aria-label = Find in the article
find-input =
    .aria-label = Find in the article (case and accents ignored)
    .placeholder = Find in the article
# Which match of how many, e.g. "3 of 12".
find-count = { $current } of { $total }
find-none = No matches
find-prev =
    .title = Previous match (Shift+Enter)
    .aria-label = Previous match
find-next =
    .title = Next match (Enter)
    .aria-label = Next match
find-highlight = Highlight
    .title = Highlight this match (H)
find-close =
    .title = Close (Esc)
    .aria-label = Close the find bar

## Search everything

toolbar-search =
    .title = Search everything (Ctrl+K)
toolbar-search-label = Search everything
search-title = Search everything
search-input =
    .aria-label = Search the articles, your highlights and your notes
    .placeholder = Search articles, highlights, notes
search-hint = Words in any order · "a phrase" in quotes · accents and case ignored · ↑ ↓ to choose, Enter to open
search-results =
    .aria-label = Results
# How many results, e.g. "12 results".
search-count = { $count ->
    [one] 1 result
   *[other] { $count } results
}
search-none = Nothing found
search-failed = Search failed: { $error }
search-kind-passage = Text
search-kind-highlight = Highlight
search-kind-note = Note
search-field-note = in its note
search-field-tags = in its tags
search-article-note = Note on the whole article
# Said to screen readers when the keyboard cursor selects text.
cursor-selected = Selected: { $text }
toast-caret-on = Caret browsing is on: the arrow keys move a caret through the text, Shift+arrows select. F7 turns it off.
toast-caret-off = Caret browsing is off.
toast-caret-unsupported = Caret browsing is not available on this system.

## Keyboard shortcuts (README.md lists the same, in English)

key-space = Space
key-page-down = Page Down
key-shift-space = Shift+Space
key-page-up = Page Up
key-home = Home
key-end = End
key-enter = Enter
key-shift-enter = Shift+Enter
key-esc = Esc
key-arrows = arrows
shortcut-scroll-down = Scroll down
shortcut-scroll-up = Scroll up
shortcut-next-screen = Next screen
shortcut-previous-screen = Previous screen
shortcut-next-section = Next section
shortcut-previous-section = Previous section
shortcut-start-end = Start or end of the article
shortcut-toc = Show or hide the table of contents
shortcut-text-size = Larger or smaller text
shortcut-theme = Next theme: system, light, sepia, dark
shortcut-highlight = Highlight the selected text (or the current match of a find) in the last colour used
shortcut-find = Find in the article (case and accents ignored)
shortcut-find-move = In the find bar: next or previous match
shortcut-find-next = Next or previous match of the find (n alone: next section when nothing is found)
shortcut-search = Search everything: every article, your highlights and notes
shortcut-cursor = Select the sentence at the top of the view, without a mouse (h highlights it, Esc drops it)
shortcut-cursor-move = With a sentence selected: the next or previous sentence; grow or shrink the selection by a word or a sentence
shortcut-caret = Caret browsing on or off: move a caret through the text with the arrow keys (Linux)
shortcut-panel = Show or hide the highlights, bookmarks and notes panel
shortcut-bookmark = Bookmark the section you are reading (again: remove it)
shortcut-undo = Undo the last deleted highlight
shortcut-print = Print the article with your notes, or your notes alone
shortcut-figure = Open the focused figure in the viewer
shortcut-viewer = In the viewer: zoom in, out, fit; pan
shortcut-viewer-figures = In the viewer: next or previous figure
shortcut-help = This list of shortcuts
shortcut-about = About the article and Margin
shortcut-close = Close the viewer, dialog, highlight editor or find bar

## The context menu

menu =
    .aria-label = Actions
menu-highlight = Highlight { $colour } ({ $meaning })
menu-note = Highlight with a note
menu-copy = Copy
menu-copy-citation = Copy with citation
menu-edit = Edit highlight
menu-delete = Delete highlight
# What "Copy with citation" puts on the clipboard; *…* is Markdown italics.
citation = “{ $quote }” — { $author }, *{ $title }*, { $source }, { $year }

## The recovery screen, when the database cannot be opened

read-only-notice = Margin can only read your data: the folder or disk where it is kept cannot be written to. Highlights, notes and settings you change now are not saved.
recovery-title = Margin cannot open your data
recovery-file = The file:
recovery-not-a-file = Where Margin keeps your highlights and notes there is a folder or a broken link instead of its database file.
recovery-folder-is-a-file = Where Margin keeps its data folder there is a file. Move or rename that file, then try again.
recovery-not-a-database = The file where Margin keeps your highlights and notes is not a database: it is empty or holds something else.
recovery-damaged = The database where Margin keeps your highlights and notes is damaged.
recovery-not-margins = The database file belongs to another program. Margin has not changed it.
recovery-too-new = Your data was saved by a newer version of Margin (database version { $found }); this one knows up to version { $supported }. Install the newer Margin to open it.
recovery-only-log = The database where Margin keeps your highlights and notes is missing, but its log of recent changes (the file ending in -wal) is still there. Margin has not touched it: if you moved the database, put it back, then try again.
recovery-locked = Another program is using Margin's database. Margin may be open already: close it, then try again.
recovery-read-only = Margin cannot write to the folder or disk where it keeps your data. Make it writable, or free some space, then try again.
recovery-failed = Margin could not open its database.
recovery-choice-fresh = You can start with an empty database: Margin keeps the old file beside it, renamed with the date and time, and never deletes it.
recovery-choice-backup = You can restore your newest backup, or start with an empty database: either way Margin keeps the old file beside it, renamed with the date and time, and never deletes it.
recovery-choice-keep = Margin leaves the file exactly as it is.
recovery-fresh = Start with an empty database
recovery-retry = Try again
recovery-quit = Quit Margin
recovery-restore = Restore the backup of { $when }

## Messages

toast-cannot-open = Margin could not open the article: { $error }
toast-moved-aside = Margin started with an empty database. Your old one is kept, renamed: { $path }
toast-restored-aside = Margin restored the backup of { $when }. The file it could not open is kept, renamed: { $path }
toast-restored = Restored the backup of { $when }. What was there before is kept as a backup.
toast-restored-file = Restored the backup. What was there before is kept as a backup.
toast-restore-failed = Could not restore: { $error }
toast-backed-up = Backed up ({ $when }).
toast-backups-failed = Backups: { $error }
toast-cannot-paint = This system’s web engine cannot draw highlights (it needs the CSS Custom Highlight API). They are saved and listed in the panel (A).
toast-highlight-failed = Could not highlight: { $error }
toast-not-saved = Not saved: { $error }
toast-delete-failed = Could not delete: { $error }
toast-highlight-deleted = Highlight deleted.
toast-undo = Undo
toast-highlight-restored = Highlight restored.
toast-undo-failed = Could not undo: { $error }
toast-copied = Copied.
toast-copy-failed = Could not copy to the clipboard.
toast-copy-unavailable = Copying is not available here; use Ctrl+C.
toast-bookmark-removed = Bookmark removed: { $section }
toast-bookmarked-section = Bookmarked: { $section }
toast-bookmarked-place = Bookmarked this place.
toast-bookmark-failed = Could not bookmark: { $error }
toast-exported = Exported to { $path }
toast-export-failed = Export failed: { $error }
toast-print-failed = Could not print: { $error }
toast-imported = Imported: { $added } added, { $updated } updated, { $unchanged } unchanged, { $newer_here } kept as they are newer here, { $orphaned } not found in the text.
toast-imported-more = Also { $bookmarks ->
        [one] 1 bookmark
       *[other] { $bookmarks } bookmarks
    }, { $notes ->
        [one] 1 free note
       *[other] { $notes } free notes
    } and { $settings ->
        [one] 1 setting or reading position
       *[other] { $settings } settings and reading positions
    }.
toast-import-failed = Import failed: { $error }
toast-preference-failed = Could not save the preference: { $error }
toast-theme = Theme: { $theme }
# How an error from the app is told: core's own sentence ($message, English, with its
# particulars) and its kind ($kind: invalid_input, not_found, content, database, migration, io,
# unopenable).
error-message = { $message }
