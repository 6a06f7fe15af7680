import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { saveArticle, type SaveArticleDeps } from '../../src/db/editor';
import { AppDB } from '../../src/db';
import { overlayEditsOnBundle, storeBundle } from '../../src/db/kb';
import { ArticlesPanel } from '../../src/editor/ArticlesPanel';
import type { Article } from '../../src/kb/article';
import { renderArticleBody } from '../../src/kb/render';
import { bundleOf, indexOf } from '../helpers/kbFixtures';

function article(id: string, title: string, short: string): Article {
  return {
    id,
    title,
    questions: ['Как подать обращение?', 'Куда написать жалобу'],
    short,
    directions: ['appeals'],
    needs: ['information'],
    topics: ['appeals'],
    organisations: [],
    source: 'п. 3.4.4',
    reviewed: '2099-09-01',
    reviewEveryDays: 180,
    owner: 'Отдел обращений',
    body: `${title}. Подробности для оператора.`,
  };
}
const bundle = bundleOf;
const index = indexOf;
const deps: SaveArticleDeps = { render: renderArticleBody, buildIndex: index, now: 1000 };

const dbs: AppDB[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

describe('the articles list after a new knowledge base', () => {
  it('marks an edited article whose official text changed, shows that text, and clears the mark on save', async () => {
    const db = new AppDB(`articles-panel-${Math.random()}`);
    dbs.push(db);
    const mfc = article('appeal-mfc', 'Обращение через МФЦ', 'Через любой МФЦ.');
    const deadline = article('appeal-deadline', 'Срок ответа', 'Тридцать дней.');
    const v1 = bundle('v1', [mfc, deadline]);
    await storeBundle(db, v1, await index(v1.articles));
    await saveArticle(db, { ...mfc, short: 'Через МФЦ в Верхотурье.' }, deps);
    const next = await overlayEditsOnBundle(
      db,
      bundle('v2', [{ ...mfc, short: 'Только по записи.' }, deadline]),
      renderArticleBody,
    );
    await storeBundle(db, next.bundle, await index(next.bundle.articles), next.edits);

    render(<ArticlesPanel db={db} />);
    const row = await screen.findByText(
      (_, el) => el?.getAttribute('data-article-id') === 'appeal-mfc' && el.tagName === 'LI',
    );
    expect(row.textContent).toContain('изменена в новой версии базы — сверьте');
    const other = document.querySelector('.article-list [data-article-id="appeal-deadline"]');
    expect(other?.textContent).not.toContain('сверьте');

    fireEvent.click(within(row).getByRole('button', { name: /^Изменить статью «/ }));
    // The editor sees their own text in the form and the new official text beside it.
    expect(await screen.findByLabelText('Короткий ответ (читается вслух)')).toHaveProperty(
      'value',
      'Через МФЦ в Верхотурье.',
    );
    expect(screen.getByTestId('official-notice').textContent).toContain('Только по записи.');

    fireEvent.click(screen.getByRole('button', { name: 'Сохранить' }));
    await screen.findByText('Сохранено. Операторы найдут статью поиском.');
    await expect.poll(() => screen.queryByTestId('official-notice')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'К списку статей' }));
    const after = await screen.findByText(
      (_, el) => el?.getAttribute('data-article-id') === 'appeal-mfc' && el.tagName === 'LI',
    );
    expect(after.textContent).not.toContain('сверьте');
  });
});
