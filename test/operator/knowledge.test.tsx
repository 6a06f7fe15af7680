import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { panelSource } from '../kb/panelFixture';
import { press, setup, typeAndEnter } from './workspace';

describe('knowledge beside the script', () => {
  it('suggests articles for the step, and the ones marked used reach the wrap-up', async () => {
    const { source } = await panelSource();
    const { controller } = setup({ knowledge: source });
    await press('F2');
    await press('Digit1');
    await press('KeyN');
    await typeAndEnter('Ольга Ивановна');
    await press('Digit1');
    await press('KeyN');
    await typeAndEnter('как попасть на приём');
    await press('Digit1');
    await press('Digit1'); // resolution: its kb topics include reception
    const suggestions = screen.getByRole('region', { name: 'Подсказки к шагу' });
    const item = await within(suggestions).findByRole('button', {
      name: 'Запись на личный приём к министру',
    });
    await act(async () => {
      fireEvent.click(item);
      await Promise.resolve();
    });
    const mark = await within(suggestions).findByRole('button', { name: 'Ответ помог' });
    fireEvent.click(mark);

    await press('Digit1'); // answer at once
    await press('Digit1'); // resolved
    await press('Digit2'); // no more questions
    await press('KeyF');
    expect(await screen.findByText(/Использованные статьи: Запись на личный приём к министру/)).toBeTruthy();
    await press('Enter', { ctrl: true });
    expect(controller.finished[0]?.articlesUsed).toEqual(['reception']);
  });
});
