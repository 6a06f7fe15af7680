import { useRef, useState } from 'react';
import { t } from '../i18n';
import type { FlowIssue } from '../flows/issues';
import type { TemplateVars } from '../flows/types';
import { renderLine } from '../flows/templates';
import { acceptVariable, suggestions, typedVariable } from './completion';
import { IssueText } from './IssueText';

/** What a flow's lines are completed and previewed with. */
export type LinePreview = {
  /** Every variable this flow's lines may use. */
  variables: readonly string[];
  /** Values for the preview. */
  sample: TemplateVars;
};

type Props = LinePreview & {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  issues?: readonly FlowIssue[] | undefined;
};

/** A line with {{variable}} completion (↓/↑, Enter or Tab, Esc) and a live preview with sample values. */
export function LineInput({ id, label, value, onChange, variables, sample, issues }: Props) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const [typed, setTyped] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const list = typed === null ? [] : suggestions(variables, typed);
  const text = t.editor.step;
  const rendered = renderLine(value, sample);

  const track = (el: HTMLTextAreaElement) => {
    setTyped(typedVariable(el.value, el.selectionStart));
    setActive(0);
  };
  const accept = (name: string) => {
    const el = ref.current;
    if (!el) return;
    const next = acceptVariable(value, el.selectionStart, name);
    onChange(next.text);
    setTyped(null);
    requestAnimationFrame(() => el.setSelectionRange(next.caret, next.caret));
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (list.length === 0) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : list.length - 1;
      setActive((a) => (a + step) % list.length);
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      accept(list[active] ?? list[0] ?? '');
    } else if (e.key === 'Escape') setTyped(null);
  };
  const listId = `${id}-vars`;
  return (
    <div className="field line-input">
      <label htmlFor={id}>{label}</label>
      <textarea
        ref={ref}
        id={id}
        rows={3}
        value={value}
        role="combobox"
        aria-expanded={list.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={list.length > 0 ? `${listId}-${active}` : undefined}
        aria-describedby={issues && issues.length > 0 ? `${id}-issues` : undefined}
        onChange={(e) => {
          onChange(e.target.value);
          track(e.target);
        }}
        onKeyUp={(e) => e.key.startsWith('Arrow') && list.length === 0 && track(e.currentTarget)}
        onKeyDown={onKeyDown}
        onBlur={() => setTyped(null)}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={text.completion}
        hidden={list.length === 0}
        className="completion"
      >
        {list.map((name, k) => (
          <li
            key={name}
            id={`${listId}-${k}`}
            role="option"
            aria-selected={k === active}
            onMouseDown={(e) => {
              e.preventDefault();
              accept(name);
            }}
          >
            <code>{name}</code> — {t.flows.variable(name)}
          </li>
        ))}
      </ul>
      <IssueText id={`${id}-issues`} issues={issues} />
      <p className="line-preview" data-testid={`${id}-preview`}>
        <span className="muted">{text.preview}</span>{' '}
        {rendered.kind === 'ready'
          ? rendered.text
          : text.previewMissing(rendered.missing.map((m) => t.flows.variable(m)).join(', '))}
      </p>
    </div>
  );
}
