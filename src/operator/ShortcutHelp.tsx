import { useRef } from 'react';
import { t } from '../i18n';
import {
  ACTION_KEYS,
  CALL_SHORTCUTS,
  PHRASE_KEYS,
  shortcutLabel,
  WORKSPACE_SHORTCUTS,
  type CallShortcutName,
} from '../services/shortcuts';
import { usePanelFocus } from './usePanelFocus';

type Props = { onClose: () => void };

const range = (keys: readonly { code: string; shift?: boolean }[]) =>
  `${shortcutLabel(keys[0] ?? { code: '' })}…${shortcutLabel(keys.at(-1) ?? { code: '' })}`;

/** Every shortcut from the one map, so the list can never disagree with what the keys do. */
export function ShortcutHelp({ onClose }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  usePanelFocus(ref);
  const text = t.callPanels.help;
  const names = t.operator.shortcuts;
  const call = Object.entries(CALL_SHORTCUTS) as [
    CallShortcutName,
    (typeof CALL_SHORTCUTS)[CallShortcutName],
  ][]; // entries of a const object
  return (
    <div
      className="help-overlay"
      role="dialog"
      aria-modal="true"
      aria-label={text.title}
      tabIndex={-1}
      ref={ref}
    >
      <h2>{text.title}</h2>
      <h3>{text.call}</h3>
      <dl className="help-list">
        {call
          .filter(([name]) => name !== 'helpQuestion')
          .map(([name, s]) => (
            <div key={name}>
              <dt>
                <kbd>{shortcutLabel(s)}</kbd>
                {name === 'help' && (
                  <>
                    , <kbd>{shortcutLabel(CALL_SHORTCUTS.helpQuestion)}</kbd>
                  </>
                )}
              </dt>
              <dd>{names[name]}</dd>
            </div>
          ))}
        <div>
          <dt>
            <kbd>{range(ACTION_KEYS)}</kbd>
          </dt>
          <dd>
            {names.actions}; {names.rating}
          </dd>
        </div>
        <div>
          <dt>
            <kbd>{range(PHRASE_KEYS)}</kbd>
          </dt>
          <dd>{names.phrases}</dd>
        </div>
        <div>
          <dt>
            <kbd>Esc</kbd>
          </dt>
          <dd>{names.escape}</dd>
        </div>
      </dl>
      <h3>{text.workspaces}</h3>
      <dl className="help-list">
        {Object.entries(WORKSPACE_SHORTCUTS).map(([name, s]) => (
          <div key={name}>
            <dt>
              <kbd>{shortcutLabel(s)}</kbd>
            </dt>
            <dd>{t.shell.workspaces[name as keyof typeof WORKSPACE_SHORTCUTS]}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={onClose}>
        {text.close}
      </button>
    </div>
  );
}
