// A short message at the bottom of the window, read out by screen readers (role=status).

let timer = 0;

export function showToast(message, ms = 5000) {
  const toast = document.getElementById("toast");
  toast.textContent = message;
  toast.hidden = false;
  clearTimeout(timer);
  timer = setTimeout(() => {
    toast.hidden = true;
  }, ms);
}
