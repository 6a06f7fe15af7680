import { useLocation, useSearch } from 'wouter';
import { useApp } from '../services/AppContext';
import { t } from '../i18n';
import { Tabs } from '../ui/Tabs';
import { ArticlesPanel } from './ArticlesPanel';
import { FlowEditor } from './FlowEditor';
import { FlowList } from './FlowList';

type Tab = keyof typeof t.editor.tabs;

/** The editor's workspace. Where the editor is lives in the address (?tab=…&flow=…), so a reload returns there. */
export function EditorWorkspace() {
  const { db } = useApp();
  const params = new URLSearchParams(useSearch());
  const [, navigate] = useLocation();
  const tab: Tab = params.get('tab') === 'articles' ? 'articles' : 'flows';
  const flowId = params.get('flow');
  const go = (query: Record<string, string>) => navigate(`/editor?${new URLSearchParams(query).toString()}`);
  return (
    <section aria-labelledby="editor-title" className="workspace editor-workspace">
      <h1 id="editor-title">{t.editor.title}</h1>
      {!db ? (
        <p role="alert">{t.editor.noStorage}</p>
      ) : (
        <Tabs
          label={t.editor.tabsLabel}
          // keys of the catalogue's own object
          tabs={(Object.keys(t.editor.tabs) as Tab[]).map((k) => ({ id: k, label: t.editor.tabs[k] }))}
          selected={tab}
          onSelect={(k) => go({ tab: k })}
        >
          {tab === 'articles' ? (
            <ArticlesPanel db={db} />
          ) : flowId ? (
            <FlowEditor key={flowId} db={db} flowId={flowId} onBack={() => go({ tab: 'flows' })} />
          ) : (
            <FlowList db={db} onOpen={(id) => go({ tab: 'flows', flow: id })} />
          )}
        </Tabs>
      )}
    </section>
  );
}
