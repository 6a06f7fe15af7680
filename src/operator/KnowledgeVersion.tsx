import { t } from '../app/i18n';

type Props = {
  /** From kbSync's result (`info`); null before the first knowledge base is stored. */
  info: { version: string; builtAt: string; articleCount: number } | null;
};

/** Which knowledge base the app answers from, for the settings page or the footer. */
export function KnowledgeVersion({ info }: Props) {
  const text = t.kb.version;
  return (
    <p className="kb-version" data-testid="kb-version">
      {text.label}: {info ? text.info(info.version, info.builtAt, info.articleCount) : text.none}
    </p>
  );
}
