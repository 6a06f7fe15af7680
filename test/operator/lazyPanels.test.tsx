// The call screen's panels and side column come in a chunk loaded just after the greeting: a key pressed
// before it arrives still opens its panel, with focus, as soon as it is in; the greeting never waits for it.
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { line, setup } from './workspace';

// The chunk arrives only when the test lets it (a slow line, a busy machine).
const gate = vi.hoisted(() => {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open: () => open() };
});
vi.mock('../../src/operator/callPanelsChunk', async (importOriginal) => {
  await gate.opened;
  return importOriginal();
});

const key = (code: string, keyName = code.replace(/^Key/, '').toLowerCase()) =>
  act(async () => {
    fireEvent.keyDown(document.activeElement ?? document.body, { code, key: keyName });
    await Promise.resolve();
  });

describe('the panels chunk', () => {
  it('is not needed for the greeting, and a key pressed before it arrives opens its panel with focus', async () => {
    setup();
    await key('F2', 'F2');
    expect(line()).toMatch(/^Добр/);
    // The side column's knowledge waits for the chunk.
    expect(screen.queryByRole('region', { name: 'База знаний' })).toBeNull();

    await key('Digit1', '1'); // the caller answered: past the greeting, a transfer is possible
    await key('KeyT');
    expect(screen.queryByRole('region', { name: 'Переключение' })).toBeNull();

    gate.open();
    const panel = await screen.findByRole('region', { name: 'Переключение' });
    expect(screen.getByRole('region', { name: 'База знаний' })).toBeTruthy();
    expect(panel.contains(document.activeElement)).toBe(true);
    await key('Escape', 'Escape');
    await act(() => Promise.resolve());
    expect(screen.queryByRole('region', { name: 'Переключение' })).toBeNull();
    expect(document.activeElement).toBe(document.querySelector('[data-focus-home]'));
  });
});
