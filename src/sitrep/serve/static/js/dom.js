// Every string the page shows comes from hostile pages, so no string is ever parsed as HTML:
// elements are created, text goes in as text nodes, attributes are set one by one, colours
// through the style object (the page's policy refuses style attributes and inline script).

// An element with attributes (null, undefined and false are left out) and children
// (nodes, or strings that become text).
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value != null && value !== false) node.setAttribute(name, String(value));
  }
  node.append(...children.flat().filter((child) => child != null && child !== false));
  return node;
}

// A coloured dot or tag: the colour is set through the style object, never as markup.
export function coloured(tag, className, colour, ...children) {
  const node = el(tag, { class: className }, ...children);
  node.style.background = colour;
  return node;
}

// A link to another site: only http(s) URLs (never javascript: or data:), opened without
// giving that site a handle on this page or telling it where the reader came from.
export function externalLink(url, text) {
  let parsed;
  try {
    parsed = new URL(String(url));
  } catch {
    return null;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
  return el("a", { href: parsed.href, target: "_blank", rel: "noopener noreferrer" }, text ?? parsed.host);
}
