// Marks the sentence a situation-report line rests on. The report links to
// /?evidence=<start>-<end>#/article/<id>: main.js opens the article from the fragment, and once
// the view shows its body this marks body[start:end] with <mark class="evidence"> and scrolls to
// it. Offsets index the article body, whose paragraphs (joined by a blank line) the view shows
// as the <p> elements of .article-body; speaker tags the view adds are not body text.
const SEPARATOR_LENGTH = 2;

function wantedRange() {
  const match = (new URLSearchParams(location.search).get("evidence") || "").match(/^(\d{1,9})-(\d{1,9})$/);
  return match && Number(match[1]) < Number(match[2]) ? [Number(match[1]), Number(match[2])] : null;
}

function bodyTextNodes(view) {
  const found = [];
  let offset = 0;
  for (const paragraph of view.querySelectorAll(".article-body > p:not(.muted)")) {
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement.closest(".speaker-tag") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      found.push({ node, from: offset, to: offset + node.data.length });
      offset += node.data.length;
    }
    offset += SEPARATOR_LENGTH;
  }
  return found;
}

function markRange(view, start, end) {
  let first = null;
  for (const { node, from, to } of bodyTextNodes(view)) {
    if (to <= start || from >= end) continue;
    let target = node;
    if (start > from) target = target.splitText(start - from);
    const length = Math.min(end, to) - Math.max(start, from);
    if (length < target.data.length) target.splitText(length);
    const mark = document.createElement("mark");
    mark.className = "evidence";
    target.replaceWith(mark);
    mark.append(target);
    first ??= mark;
  }
  return first;
}

const range = wantedRange();
const view = document.getElementById("article-view");
if (range && view) {
  const observer = new MutationObserver(() => {
    if (!view.querySelector(".article-body")) return;
    observer.disconnect();
    const mark = markRange(view, ...range);
    view.dataset.evidence = mark ? "marked" : "not found";
    mark?.scrollIntoView({ block: "center" });
    // Only the article the link opened is marked: drop the offsets from the address.
    history.replaceState(null, "", location.pathname + location.hash);
  });
  observer.observe(view, { childList: true, subtree: true });
}
