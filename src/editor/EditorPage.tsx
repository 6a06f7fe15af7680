import type { ReactNode } from 'react';
import { t } from '../i18n';

type Props = {
  /** What is edited: names the section's class (`<kind>-editor`) and its heading's id. */
  kind: 'flow' | 'article';
  /** The flow or article open: headed by its title, or by its id while it has none. */
  edited: { id: string; title: string };
  onBack: () => void;
  /** The muted line under the title: where the text lives, or how its draft stands. */
  subtitle: ReactNode;
  children: ReactNode;
};

/** Back to the list of flows, or of articles. */
const BACK = { flow: t.editor.flow.back, article: t.editor.articles.back };

/** The frame of one flow or article open in the editor: back to the list, its title, a line about it. */
export function EditorPage({ kind, edited, onBack, subtitle, children }: Props) {
  const titleId = `${kind}-editor-title`;
  return (
    <section className={`${kind}-editor`} aria-labelledby={titleId}>
      <button type="button" onClick={onBack}>
        {BACK[kind]}
      </button>
      <h2 id={titleId}>{edited.title || edited.id}</h2>
      <p className="muted">{subtitle}</p>
      {children}
    </section>
  );
}
