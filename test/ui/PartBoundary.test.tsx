// A workspace, the sign-in page or the first-run setup whose chunk cannot be loaded (the network dropped
// before the service worker took the page) tells the user so, with a button to reload, instead of leaving
// a blank page; another page tries again. A bug that breaks the drawing is still reported as uncaught.
import { act, fireEvent, render, screen } from '@testing-library/react';
import { lazy, Suspense } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PartBoundary } from '../../src/ui/PartBoundary';

const unreachable = lazy(() =>
  Promise.reject(new TypeError('Failed to fetch dynamically imported module: /assets/Supervisor-1a2b.js')),
);

function Page({ at }: { at: string }) {
  const Lazy = unreachable;
  return (
    <div>
      <p>Шапка приложения</p>
      <PartBoundary resetKey={at}>
        <Suspense fallback={<p role="status">Загрузка…</p>}>
          {at === '/supervisor' ? <Lazy /> : <p>Настройки открыты</p>}
        </Suspense>
      </PartBoundary>
    </div>
  );
}

describe('a part of the app that cannot be loaded', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('says so in Russian with a reload button, and the rest of the screen stays', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const reload = vi.fn();
    vi.stubGlobal('location', { ...window.location, reload });
    render(<Page at="/supervisor" />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Не удалось загрузить эту часть Суфлёра');
    expect(alert.textContent).toContain('Всё записанное сохранено');
    expect(screen.getByText('Шапка приложения')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Перезагрузить' }));
    expect(reload).toHaveBeenCalledOnce();
    vi.unstubAllGlobals();
  });

  it('tries again on another page', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const view = render(<Page at="/supervisor" />);
    await screen.findByRole('alert');
    view.rerender(<Page at="/settings" />);
    expect(screen.getByText('Настройки открыты')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('reports a bug that breaks the drawing as uncaught, beside the message', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.useFakeTimers();
    const Broken = () => {
      throw new Error('cannot read the call');
    };
    render(
      <PartBoundary>
        <Broken />
      </PartBoundary>,
    );
    expect(screen.getByRole('alert')).toBeTruthy();
    expect(() => act(() => vi.runAllTimers())).toThrow('cannot read the call');
  });

  it('keeps a chunk that could not be fetched to the screen (the network, not a bug)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(<Page at="/supervisor" />);
    await screen.findByRole('alert');
    vi.useFakeTimers();
    expect(() => vi.runAllTimers()).not.toThrow();
  });
});
