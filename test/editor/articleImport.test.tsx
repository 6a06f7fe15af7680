// Importing article files from the editor (issue 18): the editor picks files, sees what each would change
// and kb:check's Russian words for each file refused, and accepts the rest into the knowledge base; a
// refused file changes nothing, and the same files picked again have nothing left to change.
import { fireEvent, render, screen, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { AppDB } from '../../src/db';
import { listEditorArticles } from '../../src/db/editor';
import { storeBundle } from '../../src/db/kb';
import { ArticlesPanel } from '../../src/editor/ArticlesPanel';
import { bundleOf, indexOf, shippedArticle } from '../helpers/kbFixtures';

const ID = 'gen-appeal-anonymous';
const TEXT = readFileSync(`knowledge-base/${ID}.md`, 'utf8');
const SHIPPED = shippedArticle(ID);

const dbs: AppDB[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const changed = new File(
  [TEXT.replace(/^short:[^\n]*(\n {2}[^\n]*)*/m, 'short: Ответ из загруженного файла.')],
  `${ID}.md`,
);
const created = new File([TEXT.replace(/^id: .*$/m, 'id: imported-article')], 'imported-article.md');
const broken = new File(
  [TEXT.replace(/^title:[^\n]*\n/m, '').replace(/^id: .*$/m, 'id: broken')],
  'broken.md',
);

async function pick(files: File[]): Promise<HTMLElement> {
  fireEvent.change(screen.getByLabelText('Загрузить файлы статей (.md)'), { target: { files } });
  return screen.findByTestId('import-plan');
}

describe('importing article files in the editor', () => {
  it('shows what would change and why a file is refused, then takes only the files that passed', async () => {
    const db = new AppDB(`article-import-${Math.random()}`);
    dbs.push(db);
    const b = bundleOf('v1', [SHIPPED]);
    await storeBundle(db, b, await indexOf(b.articles));
    render(<ArticlesPanel db={db} />);
    await screen.findByRole('heading', { name: 'Загрузка статей из файлов' });

    const plan = await pick([changed, created, broken]);
    expect(within(plan).getAllByRole('status')[0]?.textContent).toBe(
      'Новых статей: 1, изменённых: 1, без изменений: 0, файлов с ошибками: 1.',
    );
    const diff = within(plan).getByRole('region', { name: `Что изменится в статье «${SHIPPED.title}»` });
    expect(diff.textContent).toContain(SHIPPED.short);
    expect(diff.textContent).toContain('Ответ из загруженного файла.');
    const refused = within(plan).getByRole('region', { name: 'Не загружены (ничего из них не изменено)' });
    expect(refused.textContent).toContain('broken.md: 1 ошибка');
    expect(refused.textContent).toContain('broken.md:1: title: нет обязательного поля');

    fireEvent.click(within(plan).getByRole('button', { name: 'Принять статьи из файлов (2)' }));
    await screen.findByText('Принято статей: 2. Операторы этого рабочего места найдут их поиском.');
    const now = await listEditorArticles(db);
    expect(now.map((a) => a.id).sort()).toEqual([ID, 'imported-article']);
    expect(now.find((a) => a.id === ID)?.short).toBe('Ответ из загруженного файла.');
    // The list shows the new article at once.
    await expect
      .poll(() => document.querySelector('.article-list [data-article-id="imported-article"]'))
      .not.toBeNull();

    // The same files again: nothing left to change, and the refused one is still refused.
    const again = await pick([changed, created, broken]);
    expect(within(again).getAllByRole('status')[0]?.textContent).toBe(
      'Новых статей: 0, изменённых: 0, без изменений: 2, файлов с ошибками: 1.',
    );
    expect(within(again).getByRole('button', { name: 'Принять статьи из файлов (0)' })).toHaveProperty(
      'disabled',
      true,
    );
  });
});
