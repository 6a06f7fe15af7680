import { t } from '../i18n';
import type { ArticleEditNotice } from '../db/editor';

type Props = { notice: ArticleEditNotice };

/** Why a saved change needs the editor again, with the new official text beside it to compare. */
export function OfficialNotice({ notice }: Props) {
  const text = t.editor.articles.official;
  const { official } = notice;
  return (
    <div className="official-notice" role="note" data-testid="official-notice">
      <p>
        <strong>{notice.flag === 'officialChanged' ? text.changed : text.removed}</strong>
      </p>
      {official && (
        <details>
          <summary>{text.show}</summary>
          <h3>{official.title}</h3>
          <p>{official.short}</p>
          {/* Markdown source, shown as text: the editor compares wording, nothing is rendered here. */}
          <pre className="official-body">{official.body}</pre>
        </details>
      )}
    </div>
  );
}
