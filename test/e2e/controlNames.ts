// Controls that a screen-reader user cannot tell apart: two or more perceivable controls of one kind (or
// named areas) with the same accessible name, read from Chromium's own accessibility tree (what assistive
// technology is given).
import type { BrowserContext, Page } from 'playwright-core';

/**
 * Controls that must be told apart by their own name, as in a screen reader's list of buttons or of links
 * (a link to «Оператор» and a column's sort button «Оператор» are in different lists).
 */
const ACTION_KINDS = new Map([
  ['button', 'button'],
  ['tab', 'button'],
  ['menuitem', 'button'],
  ['link', 'link'],
]);
/** Form fields: announced with the group (fieldset) they are in, so the group's name tells them apart. */
const FIELD_ROLES = new Set([
  'checkbox',
  'radio',
  'switch',
  'textbox',
  'searchbox',
  'combobox',
  'spinbutton',
  'slider',
]);
/** Named areas a user jumps between (landmarks, toolbars, tab lists). */
const AREA_ROLES = new Set(['toolbar', 'navigation', 'region', 'form', 'tablist', 'search', 'complementary']);
const GROUP_ROLES = new Set(['radiogroup', 'group']);
/** The browser's own parts of a date or time field ("Month", "Show date picker"): not the page's controls. */
const NATIVE_COMPOSITES = new Set(['date', 'Date', 'DateTime', 'InputTime', 'time']);

interface AXValue {
  value?: unknown;
}
interface AXNode {
  nodeId: string;
  ignored: boolean;
  role?: AXValue;
  name?: AXValue;
  parentId?: string;
}

const text = (v: AXValue | undefined) => (typeof v?.value === 'string' ? v.value.trim() : '');

/** Accessible names shared by several perceivable controls or areas of one kind, as "kind «name» ×n (roles)". */
export async function duplicateControlNames(context: BrowserContext, page: Page): Promise<string[]> {
  const cdp = await context.newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const ancestors = function* (node: AXNode) {
      for (let p = byId.get(node.parentId ?? ''); p; p = byId.get(p.parentId ?? '')) yield p;
    };
    const counts = new Map<string, string[]>();
    for (const node of nodes) {
      const role = text(node.role);
      const name = text(node.name);
      if (node.ignored || name === '') continue;
      // Areas are compared with areas, controls with controls: a link may name the page it opens.
      let key: string;
      if (AREA_ROLES.has(role)) key = `area «${name}»`;
      else if (ACTION_KINDS.has(role)) key = `${ACTION_KINDS.get(role)} «${name}»`;
      else if (FIELD_ROLES.has(role)) {
        const group = [...ancestors(node)].find((p) => GROUP_ROLES.has(text(p.role)) && text(p.name));
        key = `field «${group ? `${text(group.name)} › ` : ''}${name}»`;
      } else continue;
      if ([...ancestors(node)].some((p) => NATIVE_COMPOSITES.has(text(p.role)))) continue;
      const seen = counts.get(key) ?? [];
      counts.set(key, [...seen, role]);
    }
    return [...counts]
      .filter(([, roles]) => roles.length > 1)
      .map(([key, roles]) => `${key} ×${roles.length} (${[...new Set(roles)].join(', ')})`);
  } finally {
    await cdp.detach();
  }
}
