import { t } from '../i18n';
import type { KbSyncNotice } from '../services/kbSync';

type Props = {
  /** From kbSync's result (`info`); null before the first knowledge base is stored. */
  info: { version: string; builtAt: string; articleCount: number } | null;
  /** From kbSync's result (`notice`): why the knowledge base is missing or not the newest. */
  notice?: KbSyncNotice | null;
};

/** Which knowledge base the app answers from, for the settings page or the footer. */
export function KnowledgeVersion({ info, notice }: Props) {
  const text = t.kb.version;
  return (
    <div className="kb-version">
      <p data-testid="kb-version">
        {text.label}: {info ? text.info(info.version, info.builtAt, info.articleCount) : text.none}
      </p>
      {notice && <p role="status">{t.kb.sync[notice]}</p>}
    </div>
  );
}
