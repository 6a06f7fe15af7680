import { t } from '../i18n';
import { CALL_SHORTCUTS, shortcutLabel, type CallShortcutName } from '../services/shortcuts';

export type Tool = Extract<
  CallShortcutName,
  'hold' | 'transfer' | 'callback' | 'outcome' | 'search' | 'capture' | 'help'
>;

type Props = { enabled: Record<Tool, boolean>; onTool: (tool: Tool) => void };

const TOOLS: readonly Tool[] = ['capture', 'hold', 'transfer', 'callback', 'outcome', 'search', 'help'];

/** The call's tools, each with its key shown: the same keys work without the mouse. */
export function CallTools({ enabled, onTool }: Props) {
  return (
    <div className="call-tools" role="toolbar" aria-label={t.operator.tools}>
      {TOOLS.map((tool) => {
        const key = shortcutLabel(CALL_SHORTCUTS[tool]);
        return (
          <button
            key={tool}
            type="button"
            className="secondary"
            disabled={!enabled[tool]}
            aria-keyshortcuts={key}
            onClick={() => onTool(tool)}
          >
            <kbd className="call-key" aria-hidden="true">
              {key}
            </kbd>
            {t.operator.shortcuts[tool]}
          </button>
        );
      })}
    </div>
  );
}
