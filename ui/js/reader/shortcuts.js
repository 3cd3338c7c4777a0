// The keyboard shortcuts, listed once: the help dialog shows this table and keys.js binds it.
// README.md lists the same keys; keep them in step.

export const SHORTCUTS = [
  { keys: ["j", "↓"], action: "Scroll down" },
  { keys: ["k", "↑"], action: "Scroll up" },
  { keys: ["Space", "Page Down"], action: "Next screen" },
  { keys: ["Shift+Space", "Page Up"], action: "Previous screen" },
  { keys: ["n"], action: "Next section" },
  { keys: ["p"], action: "Previous section" },
  { keys: ["Home", "End"], action: "Start or end of the article" },
  { keys: ["t"], action: "Show or hide the table of contents" },
  { keys: ["+", "−"], action: "Larger or smaller text" },
  { keys: ["d"], action: "Next theme: system, light, sepia, dark" },
  { keys: ["h"], action: "Highlight the selected text in the last colour used" },
  { keys: ["a"], action: "Show or hide the highlights, bookmarks and notes panel" },
  { keys: ["b"], action: "Bookmark the section you are reading (again: remove it)" },
  { keys: ["Ctrl+Z"], action: "Undo the last deleted highlight" },
  { keys: ["Enter"], action: "Open the focused figure in the viewer" },
  { keys: ["+", "−", "0", "arrows"], action: "In the viewer: zoom in, out, fit; pan" },
  { keys: ["?"], action: "This list of shortcuts" },
  { keys: ["i"], action: "About the article and Margin" },
  { keys: ["Esc"], action: "Close the viewer, dialog or highlight editor" },
];
