import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../src/calls/clock';
import { KnowledgePanel } from '../../src/operator/KnowledgePanel';
import { panelSource } from './panelFixture';

const clock = new ManualClock(Date.parse('2026-11-23T10:00:00Z'));

async function setup(props: Partial<Parameters<typeof KnowledgePanel>[0]> = {}) {
  const { source } = await panelSource();
  const onUse = vi.fn();
  const view = render(<KnowledgePanel source={source} onUse={onUse} clock={clock} {...props} />);
  const box = screen.getByLabelText('Поиск по базе знаний');
  const type = (q: string) => fireEvent.change(box, { target: { value: q } });
  return { ...view, box, type, onUse };
}

const resultIds = () =>
  within(screen.queryByRole('list', { name: 'Найденные статьи' }) ?? document.createElement('ol'))
    .queryAllByRole('button')
    .map((b) => b.getAttribute('data-article-id'));

describe('KnowledgePanel', () => {
  it('shows results as the operator types, with the matched words highlighted', async () => {
    const { type } = await setup();
    type('приём');
    await waitFor(() => expect(resultIds()).toContain('reception'));
    const item = screen.getByRole('button', { name: /Запись на личный приём к министру/ });
    const marked = [...item.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marked).toContain('приём');
    expect(resultIds()).not.toContain('hostile');
  });

  it('narrows the results to a topic', async () => {
    const { type } = await setup();
    type('приём');
    await waitFor(() =>
      expect(resultIds()).toEqual(expect.arrayContaining(['reception', 'reception-hours'])),
    );
    fireEvent.change(screen.getByLabelText('Тема статей'), { target: { value: 'schedule' } });
    await waitFor(() => expect(resultIds()).toEqual(['reception-hours']));
  });

  it('opens an article with what to say first, then the full answer, source and review date', async () => {
    const { type } = await setup();
    type('запись на приём');
    fireEvent.click(await screen.findByRole('button', { name: /Запись на личный приём/ }));
    const say = await screen.findByRole('region', { name: 'Что сказать' });
    const full = screen.getByRole('region', { name: 'Подробный ответ' });
    expect(say.textContent).toContain('Записаться на приём можно по телефону приёмной');
    expect(say.compareDocumentPosition(full) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(full).getByText('паспорт').tagName).toBe('STRONG');
    expect(screen.getByText('Порядок взаимодействия с клиентами, п. 3.4.4')).toBeTruthy();
    expect(screen.getByText('Проверено 1 октября 2026 г.')).toBeTruthy();
    expect(screen.queryByText(/Пора перепроверить/)).toBeNull();
  });

  it('renders a hostile article inert: its markup shows as text and runs nothing', async () => {
    const { type, container } = await setup();
    type('опасной разметкой');
    fireEvent.click(await screen.findByRole('button', { name: /опасной разметкой/ }));
    const full = await screen.findByRole('region', { name: 'Подробный ответ' });
    expect(full.textContent).toContain('<script>window.__pwned = true</script>');
    expect(container.querySelector('script, img, [onerror]')).toBeNull();
    expect(container.querySelector('a[href^="javascript"]')).toBeNull();
    expect((window as { __pwned?: boolean }).__pwned).toBeUndefined();
  });

  it('marks an article as due for review, calmly, once its review date has passed', async () => {
    const { type } = await setup();
    type('часы приёма');
    fireEvent.click(await screen.findByRole('button', { name: /Часы личного приёма/ }));
    const note = await screen.findByRole('note');
    expect(note.textContent).toContain('Пора перепроверить');
    expect(note.textContent).toContain('15 апреля 2025 г.');
  });

  it('reports "mark as used" once per opening, with the article id', async () => {
    const { type, onUse } = await setup();
    type('запись на приём');
    fireEvent.click(await screen.findByRole('button', { name: /Запись на личный приём/ }));
    const use = await screen.findByRole('button', { name: 'Ответ помог' });
    fireEvent.click(use);
    fireEvent.click(screen.getByRole('button', { name: 'Отмечено' }));
    expect(onUse.mock.calls).toEqual([['reception']]);
    expect(screen.getByRole('button', { name: 'Отмечено' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('works from the keyboard: Enter opens the best match, Escape goes back to the search box', async () => {
    const { type, box } = await setup();
    type('запись на приём');
    await waitFor(() => expect(resultIds()[0]).toBe('reception'));
    fireEvent.keyDown(box, { key: 'Enter' });
    const say = await screen.findByRole('region', { name: 'Что сказать' });
    fireEvent.keyDown(say, { key: 'Escape' });
    await waitFor(() => expect(document.activeElement).toBe(box));
    expect(resultIds()[0]).toBe('reception');
  });

  it('keeps the search box focused when Escape comes the instant the article appears', async () => {
    const { type, box, container } = await setup();
    type('запись на приём');
    await waitFor(() => expect(resultIds()[0]).toBe('reception'));
    // A fast operator: Escape lands right after the article is drawn, before React's
    // after-paint work has run. A focus move left for then would pull focus into the
    // article just as it is removed, and focus would fall to the page.
    const escaped = new Promise<void>((resolve) => {
      const watch = new MutationObserver(() => {
        const say = container.querySelector('.kb-open');
        if (!say) return;
        watch.disconnect();
        fireEvent.keyDown(say, { key: 'Escape' });
        resolve();
      });
      watch.observe(container, { childList: true, subtree: true });
    });
    fireEvent.keyDown(box, { key: 'Enter' });
    await escaped;
    await waitFor(() => expect(container.querySelector('.kb-open')).toBeNull());
    await new Promise((r) => setTimeout(r, 20));
    expect(document.activeElement).toBe(box);
  });

  it('takes focus when the hotkey asks for it', async () => {
    const { source } = await panelSource();
    const { rerender } = render(<KnowledgePanel source={source} focusRequest={0} clock={clock} />);
    document.body.focus();
    act(() => rerender(<KnowledgePanel source={source} focusRequest={1} clock={clock} />));
    expect(document.activeElement).toBe(screen.getByLabelText('Поиск по базе знаний'));
  });

  it('shows the version and date of the knowledge base it reads from', async () => {
    const { source, version } = await panelSource();
    render(<KnowledgePanel source={source} clock={clock} />);
    expect(screen.getByTestId('kb-version').textContent).toBe(
      `База знаний: версия ${version} от 20 ноября 2026 г., статей: 3`,
    );
  });

  it('says the knowledge base is not available yet instead of finding nothing', () => {
    render(<KnowledgePanel source={null} clock={clock} />);
    expect(screen.getByRole('status').textContent).toBe('База знаний пока недоступна.');
  });
});
