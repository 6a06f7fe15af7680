import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ReviewDueList } from '../../src/editor/ReviewDueList';
import { KnowledgeVersion } from '../../src/operator/KnowledgeVersion';
import { Highlight } from '../../src/ui/Highlight';

const now = Date.parse('2026-11-23T10:00:00Z');
const a = (id: string, reviewed: string, reviewEveryDays: number) => ({
  id,
  title: `Статья ${id}`,
  reviewed,
  reviewEveryDays,
  owner: 'Отдел обращений',
});

describe('ReviewDueList', () => {
  it('lists only overdue articles, the longest overdue first, with their files', () => {
    render(
      <ReviewDueList
        now={now}
        articles={[a('recent', '2026-09-01', 60), a('fresh', '2026-11-01', 180), a('old', '2025-06-01', 180)]}
      />,
    );
    const items = screen.getAllByRole('listitem');
    expect(items.map((i) => i.getAttribute('data-article-id'))).toEqual(['old', 'recent']);
    expect(items[0]?.textContent).toContain('срок пересмотра — 28 ноября 2025 г.');
    expect(items[0]?.textContent).toContain('knowledge-base/old.md');
  });

  it('says so when nothing is due', () => {
    render(<ReviewDueList now={now} articles={[a('fresh', '2026-11-01', 180)]} />);
    expect(screen.getByText('Все статьи проверены вовремя.')).toBeTruthy();
  });
});

describe('KnowledgeVersion', () => {
  it('shows the version, build date and size of the knowledge base in use', () => {
    render(
      <KnowledgeVersion
        info={{ version: '3f2a9c0d1e4b', builtAt: '2026-11-20T09:00:00.000Z', articleCount: 73 }}
      />,
    );
    expect(screen.getByTestId('kb-version').textContent).toBe(
      'База знаний: версия 3f2a9c0d1e4b от 20 ноября 2026 г., статей: 73',
    );
  });

  it('says when no knowledge base is loaded yet, and why', () => {
    render(<KnowledgeVersion info={null} notice="offlineFirstRun" />);
    expect(screen.getByTestId('kb-version').textContent).toBe('База знаний: база знаний ещё не загружена');
    expect(screen.getByRole('status').textContent).toBe(
      'База знаний не загружена: нет связи с сервером. Подключитесь к сети и обновите страницу.',
    );
  });
});

describe('Highlight', () => {
  it('marks exactly the given ranges and tolerates overlaps and ranges past the end', () => {
    const { container } = render(
      <p>
        <Highlight
          text="подать заявление онлайн"
          ranges={[
            [7, 16],
            [3, 6],
            [0, 3],
            [9, 12],
            [20, 99],
          ]}
        />
      </p>,
    );
    expect(container.textContent).toBe('подать заявление онлайн');
    expect([...container.querySelectorAll('mark')].map((m) => m.textContent)).toEqual([
      'подать',
      'заявление',
      'айн',
    ]);
  });
});
