// Publishing to the whole centre from the editor (issue 18): a flow's go-live time is read on the
// organisation's clock, and a conflict (a flow's newer version, or an article another editor published)
// shows the difference with the two choices.
import 'fake-indexeddb/auto';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppContext } from '../../src/services/AppContext';
import { AppDB } from '../../src/db';
import { articleFileText } from '../../src/editor/articleFile';
import { CentreArticles } from '../../src/editor/CentreArticles';
import { CentrePublish } from '../../src/editor/CentrePublish';
import type { Article } from '../../src/kb/article';
import { articleHash } from '../../src/kb/overlay';
import { restoreArticle } from '../../src/kb/parse';
import { restoreFlow } from '../../src/flows/restore';
import type { FlowDefinition } from '../../src/flows/types';
import type { PublishedFlow } from '../../src/protocol';
import { appContextOf } from '../helpers/appContext';

function minimal(version: number, say: string): FlowDefinition {
  const r = restoreFlow(JSON.parse(readFileSync('test/fixtures/flows/valid-minimal.json', 'utf8')));
  if (!r.ok) throw new Error('fixture broken');
  return { ...r.flow, version, steps: r.flow.steps.map((s, i) => (i === 0 ? { ...s, say } : s)) };
}

const published = (flow: FlowDefinition, effectiveAt: string): PublishedFlow => ({
  flowId: flow.id,
  version: flow.version,
  title: flow.title,
  publishedAt: effectiveAt,
  effectiveAt,
  author: { id: '00000000-0000-4000-8000-000000000001', name: 'Орлова Мария Игоревна' },
  note: '',
  definition: flow as unknown as Record<string, unknown>,
});

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** The server: a session with a CSRF token, and the publication's answer; records what was posted. */
function fakeServer(answer: (body: Record<string, unknown>) => Response) {
  const posted: Record<string, unknown>[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init?: RequestInit) => {
      if (url.endsWith('/session'))
        return Promise.resolve(
          json(200, { csrfToken: 't', person: { roles: ['editor'] }, organisation: {} }),
        );
      const body = JSON.parse(typeof init?.body === 'string' ? init.body : 'null') as Record<string, unknown>;
      posted.push(body);
      return Promise.resolve(answer(body));
    }),
  );
  return posted;
}

const app = appContextOf(null);

afterEach(() => vi.unstubAllGlobals());

function renderPublish(
  db: AppDB,
  flow: FlowDefinition,
  handlers: { onPublished?: (m: string) => void; onTakeTheirs?: () => Promise<void> } = {},
) {
  render(
    <AppContext.Provider value={app}>
      <CentrePublish
        db={db}
        flow={flow}
        baseVersion={1}
        publishable
        flush={() => Promise.resolve()}
        onPublished={handlers.onPublished ?? (() => {})}
        onTakeTheirs={handlers.onTakeTheirs ?? (() => Promise.resolve())}
      />
    </AppContext.Provider>,
  );
}

describe('publishing a flow to the centre', () => {
  it('sends the go-live time as the organisation’s clock shows it, with the note and the base', async () => {
    const db = new AppDB(`centre-publish-${Math.random()}`);
    const mine = minimal(1, 'Мой вариант');
    const posted = fakeServer(() =>
      json(201, published({ ...mine, version: 2 }, '2026-12-14T04:00:00.000Z')),
    );
    const onPublished = vi.fn();
    renderPublish(db, mine, { onPublished });
    fireEvent.change(screen.getByLabelText('Что изменено (для коллег)'), {
      target: { value: 'с понедельника' },
    });
    fireEvent.change(screen.getByLabelText(/Вступает в силу/), { target: { value: '2026-12-14T09:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Опубликовать' }));
    await waitFor(() => expect(onPublished).toHaveBeenCalled());
    // 09:00 in Yekaterinburg (UTC+5) is 04:00 UTC.
    expect(posted[0]).toMatchObject({
      baseVersion: 1,
      note: 'с понедельника',
      effectiveAt: '2026-12-14T04:00:00.000Z',
    });
    expect(String(onPublished.mock.calls[0]?.[0])).toMatch(/версия 2.*14 декабря 2026/);
    await db.delete();
  });

  it('on a conflict shows what the newer version changed and lets the editor choose', async () => {
    const db = new AppDB(`centre-publish-${Math.random()}`);
    const mine = minimal(1, 'Мой вариант');
    const theirs = minimal(2, 'Их вариант');
    const posted = fakeServer((body) =>
      body.baseVersion === 1
        ? json(409, {
            code: 'version_conflict',
            message: 'Пока вы редактировали…',
            latest: published(theirs, '2026-12-07T09:00:00.000Z'),
          })
        : json(201, published({ ...mine, version: 3 }, '2026-12-07T09:01:00.000Z')),
    );
    const onTakeTheirs = vi.fn(() => Promise.resolve());
    const onPublished = vi.fn();
    renderPublish(db, mine, { onTakeTheirs, onPublished });
    fireEvent.click(screen.getByRole('button', { name: 'Опубликовать' }));
    await screen.findByRole('heading', { name: /Орлова Мария Игоревна опубликовал\(а\) версию 2/ });
    const diff = document.querySelector('.diff-view [data-kind="changed"]');
    expect(diff?.textContent).toContain('Их вариант');
    expect(diff?.textContent).toContain('Мой вариант');
    // Their version is kept here to compare with and to take.
    expect((await db.flowVersions.get([theirs.id, 2]))?.flow.steps[0]?.say).toBe('Их вариант');
    fireEvent.click(screen.getByRole('button', { name: 'Опубликовать мой черновик поверх версии 2' }));
    await waitFor(() => expect(onPublished).toHaveBeenCalled());
    expect(posted.map((p) => p.baseVersion)).toEqual([1, 2]);
    expect(onTakeTheirs).not.toHaveBeenCalled();
    await db.delete();
  });
});

describe('publishing articles to the centre', () => {
  /** A shipped article (valid as kb:check reads it) with its short answer reworded. */
  const article = (short: string): Article => {
    const file = 'knowledge-base/gen-appeal-anonymous.md';
    const read = restoreArticle(readFileSync(file, 'utf8'), file);
    if (!read.ok) throw new Error('shipped article broken');
    return { ...read.article, short };
  };

  it('shows who published an article meanwhile and the difference; keeping mine publishes over theirs', async () => {
    const db = new AppDB(`centre-articles-${Math.random()}`);
    const start = article('Исходный ответ.');
    const mine = article('Мой ответ.');
    const theirs = article('Их ответ.');
    const posted = fakeServer((body) => {
      const [sent] = body.articles as { base: string | null }[];
      return sent?.base === articleHash(start)
        ? json(409, {
            code: 'kb_article_conflict',
            message: 'Пока вы редактировали, другой редактор опубликовал эти статьи.',
            conflicts: [
              {
                id: theirs.id,
                version: 4,
                publishedAt: '2026-12-07T09:00:00.000Z',
                author: { id: '00000000-0000-4000-8000-000000000001', name: 'Орлова Мария Игоревна' },
                note: 'уточнён ответ',
                file: `knowledge-base/${theirs.id}.md`,
                text: articleFileText(theirs),
              },
            ],
          })
        : json(201, { version: 5, articles: [] });
    });
    const onChanged = vi.fn();
    render(
      <AppContext.Provider value={app}>
        <CentreArticles
          db={db}
          pending={[{ article: mine, base: articleHash(start) }]}
          onChanged={onChanged}
        />
      </AppContext.Provider>,
    );
    fireEvent.change(screen.getByLabelText('Что изменено (для коллег)'), { target: { value: 'мой ответ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Опубликовать для всего центра (1)' }));
    await screen.findByRole('heading', { name: /Орлова Мария Игоревна \(версия 4/ });
    expect(screen.getByText('Пояснение коллеги: уточнён ответ')).toBeTruthy();
    const diff = document.querySelector('.diff-view [data-field="short"]');
    expect(diff?.textContent).toContain('Их ответ.');
    expect(diff?.textContent).toContain('Мой ответ.');
    expect(document.querySelectorAll('.diff-view [data-field]')).toHaveLength(1);
    expect(onChanged).not.toHaveBeenCalled();

    fireEvent.click(
      screen.getByRole('button', {
        name: 'Опубликовать мою правку статьи «Анонимное обращение — ответят ли» поверх версии 4',
      }),
    );
    await screen.findByText(/Изменений нет|Опубликована версия 5/);
    // The second publication starts from their text, so the server lays mine over it knowingly.
    const bases = posted.map((p) => (p.articles as { base: string }[])[0]?.base);
    expect(bases).toEqual([articleHash(start), articleHash(theirs)]);
    expect(posted[0]).toMatchObject({ note: 'мой ответ' });
    expect(onChanged).toHaveBeenCalled();
    await db.delete();
  });
});
