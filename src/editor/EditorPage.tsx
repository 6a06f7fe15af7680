import type { ReactNode } from 'react';

type Props = {
  /** What is edited: names the section's class (`<kind>-editor`) and its heading's id. */
  kind: 'flow' | 'article';
  title: string;
  backLabel: string;
  onBack: () => void;
  /** The muted line under the title: where the text lives, or how its draft stands. */
  subtitle: ReactNode;
  children: ReactNode;
};

/** The frame of one flow or article open in the editor: back to the list, its title, a line about it. */
export function EditorPage({ kind, title, backLabel, onBack, subtitle, children }: Props) {
  const titleId = `${kind}-editor-title`;
  return (
    <section className={`${kind}-editor`} aria-labelledby={titleId}>
      <button type="button" onClick={onBack}>
        {backLabel}
      </button>
      <h2 id={titleId}>{title}</h2>
      <p className="muted">{subtitle}</p>
      {children}
    </section>
  );
}
