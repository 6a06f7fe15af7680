import { t } from '../app/i18n';

export function EditorWorkspace() {
  return (
    <section aria-labelledby="editor-title" className="workspace">
      <h1 id="editor-title">{t.shell.placeholder.editorTitle}</h1>
      <p>{t.shell.placeholder.editorEmpty}</p>
    </section>
  );
}
