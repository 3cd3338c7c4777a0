// A short message at the bottom of the window, read out by screen readers (role=status), with
// an optional action button (e.g. Undo).

let timer = 0;

export function showToast(message, ms = 5000, action = null) {
  const toast = document.getElementById("toast");
  const text = document.createElement("span");
  text.textContent = message;
  toast.replaceChildren(text);
  if (action) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "toast-action";
    button.textContent = action.label;
    button.addEventListener("click", () => {
      toast.hidden = true;
      action.run();
    });
    toast.append(button);
  }
  toast.hidden = false;
  clearTimeout(timer);
  timer = setTimeout(() => {
    toast.hidden = true;
  }, ms);
}
