// The panels' chunk cannot be loaded (another tab installed a new version and the old files are gone):
// the call screen says so where the panel would be, and the call goes on.
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { line, setup } from './workspace';

vi.mock('../../src/operator/callPanelsChunk', () => {
  throw new TypeError('Failed to fetch dynamically imported module');
});

const FAILED =
  'Часть Суфлёра не загрузилась. Всё записанное сохранено, звонок откроется на том же шаге: перезагрузите страницу (F5).';

const key = (code: string, keyName: string) =>
  act(async () => {
    fireEvent.keyDown(document.activeElement ?? document.body, { code, key: keyName });
    await new Promise((resolve) => setTimeout(resolve, 0));
  });

describe('a panels chunk that cannot be loaded', () => {
  it('says so in Russian instead of breaking the call screen, and the call goes on', async () => {
    // React reports the error it caught; the test is about what the operator sees.
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    setup();
    await key('F2', 'F2');
    await key('Digit1', '1');
    await key('KeyT', 't');
    // Once where the panel would be, once in the side column (the knowledge and the caller's history).
    const failed = () => screen.queryAllByRole('alert').filter((a) => a.textContent?.startsWith(FAILED));
    await waitFor(() => expect(failed()).toHaveLength(2));
    expect(line()).toBe('Подскажите, пожалуйста, как я могу к вам обращаться?');
    // Escape closes the failed panel like any other: the step's actions are there again.
    await key('Escape', 'Escape');
    expect(failed()).toHaveLength(1);
    const actions = screen.getByRole('region', { name: 'Действия' });
    expect(actions.querySelectorAll('button:not(:disabled)').length).toBeGreaterThan(0);
    consoleError.mockRestore();
  });
});
