// A workspace, the sign-in page or the first-run setup whose chunk cannot be loaded (the network dropped
// before the service worker took the page) tells the user so, with a button to reload, instead of leaving
// a blank page; another page tries again.
import { fireEvent, render, screen } from '@testing-library/react';
import { lazy, Suspense } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Boundary, PartFailed } from '../../src/ui/Boundary';

const unreachable = lazy(() =>
  Promise.reject(new TypeError('Failed to fetch dynamically imported module: /assets/Supervisor-1a2b.js')),
);

function Page({ at }: { at: string }) {
  const Lazy = unreachable;
  return (
    <div>
      <p>Шапка приложения</p>
      <Boundary key={at} fallback={<PartFailed />}>
        <Suspense fallback={<p role="status">Загрузка…</p>}>
          {at === '/supervisor' ? <Lazy /> : <p>Настройки открыты</p>}
        </Suspense>
      </Boundary>
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
    expect(alert.textContent).toContain('Часть Суфлёра не загрузилась');
    expect(alert.textContent).toContain('звонок откроется на том же шаге');
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
});
