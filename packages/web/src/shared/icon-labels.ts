/**
 * Ant Design's icons label themselves with their English names (`aria-label="download"`), and
 * Ant Design's own components (Alert, Select, Table, pagination) draw icons we cannot pass props
 * to. Every icon here sits beside words that say what it means — an icon-only button carries its
 * own Chinese `aria-label` — so icons are decoration: hidden from assistive technology, their
 * English names removed, as they appear.
 */
export function quietIcon(element: Element): void {
  if (element.getAttribute("role") !== "img" || !element.classList.contains("anticon")) return;
  // An icon given a Chinese label on purpose keeps it.
  const label = element.getAttribute("aria-label");
  if (label && !/^[\x20-\x7e]*$/.test(label)) return;
  element.removeAttribute("aria-label");
  element.setAttribute("aria-hidden", "true");
}

/** Quiets every icon under `root` now and whenever one is added. */
export function quietIcons(root: Element): MutationObserver {
  const sweep = (scope: Element) => {
    if (scope.matches(".anticon")) quietIcon(scope);
    for (const icon of scope.querySelectorAll(".anticon[role=img]")) quietIcon(icon);
  };
  sweep(root);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) sweep(node);
      if (record.type === "attributes" && record.target instanceof Element) quietIcon(record.target);
    }
  });
  observer.observe(root, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ["aria-label"],
  });
  return observer;
}
