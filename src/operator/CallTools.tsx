import { t } from '../i18n';
import { CALL_SHORTCUTS, shortcutLabel, type CallShortcutName } from '../services/shortcuts';
import { KeyButton } from '../ui/KeyButton';

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
          <KeyButton
            key={tool}
            shortcut={key}
            className="secondary"
            disabled={!enabled[tool]}
            onClick={() => onTool(tool)}
          >
            {t.operator.shortcuts[tool]}
          </KeyButton>
        );
      })}
    </div>
  );
}
