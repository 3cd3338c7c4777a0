// The keyboard shortcuts, listed once: the help dialog shows this table and keys.js binds it.
// Keys and actions are message ids (ui/i18n/); README.md lists the same keys in English (a UI
// test checks it).

export const SHORTCUTS = [
  { keys: ["j", "↓"], l10nId: "shortcut-scroll-down" },
  { keys: ["k", "↑"], l10nId: "shortcut-scroll-up" },
  { keys: ["key-space", "key-page-down"], l10nId: "shortcut-next-screen" },
  { keys: ["key-shift-space", "key-page-up"], l10nId: "shortcut-previous-screen" },
  { keys: ["n"], l10nId: "shortcut-next-section" },
  { keys: ["p"], l10nId: "shortcut-previous-section" },
  { keys: ["key-home", "key-end"], l10nId: "shortcut-start-end" },
  { keys: ["t"], l10nId: "shortcut-toc" },
  { keys: ["+", "−"], l10nId: "shortcut-text-size" },
  { keys: ["d"], l10nId: "shortcut-theme" },
  { keys: ["h"], l10nId: "shortcut-highlight" },
  { keys: ["Ctrl+F", "/"], l10nId: "shortcut-find" },
  { keys: ["key-enter", "key-shift-enter"], l10nId: "shortcut-find-move" },
  { keys: ["n", "N"], l10nId: "shortcut-find-next" },
  { keys: ["Ctrl+K", "Ctrl+Shift+F"], l10nId: "shortcut-search" },
  { keys: ["v"], l10nId: "shortcut-cursor" },
  { keys: ["↓", "↑", "Shift+→", "Shift+←", "Shift+↓", "Shift+↑"], l10nId: "shortcut-cursor-move" },
  { keys: ["F7"], l10nId: "shortcut-caret" },
  { keys: ["a"], l10nId: "shortcut-panel" },
  { keys: ["b"], l10nId: "shortcut-bookmark" },
  { keys: ["Ctrl+Z"], l10nId: "shortcut-undo" },
  { keys: ["Ctrl+P"], l10nId: "shortcut-print" },
  { keys: ["key-enter"], l10nId: "shortcut-figure" },
  { keys: ["+", "−", "0", "key-arrows"], l10nId: "shortcut-viewer" },
  { keys: ["n", "p"], l10nId: "shortcut-viewer-figures" },
  { keys: ["?"], l10nId: "shortcut-help" },
  { keys: ["i"], l10nId: "shortcut-about" },
  { keys: ["key-esc"], l10nId: "shortcut-close" },
];

/** Key labels that are words ("Space") are message ids; the others are shown as they are. */
export const isKeyName = (key) => key.startsWith("key-");
