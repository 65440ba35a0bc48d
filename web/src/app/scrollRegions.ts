// Wide tables scroll sideways inside their own container. A keyboard user must be able to reach
// and scroll that container (WCAG 2.1.1; axe-core's scrollable-region-focusable), so every table
// scroll container in the app gets a tab stop and a name, whichever page drew it.
import { useEffect } from 'react';

const SCROLLERS = '.ant-table-content, .ant-table-body';

function mark(root: ParentNode, label: string): void {
  for (const el of root.querySelectorAll<HTMLElement>(SCROLLERS)) {
    if (el.getAttribute('aria-label') === label) continue;
    el.tabIndex = 0;
    el.setAttribute('role', 'region');
    el.setAttribute('aria-label', label);
  }
}

/** Marks table scroll containers under the app's layout as they appear. */
export function useFocusableScrollRegions(label: string): void {
  useEffect(() => {
    mark(document, label);
    const observer = new MutationObserver(() => mark(document, label));
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [label]);
}
