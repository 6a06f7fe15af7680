import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Tabs } from '../../src/ui/Tabs';

const TABS = [
  { id: 'calls', label: 'Звонки' },
  { id: 'dashboard', label: 'Показатели' },
  { id: 'exchange', label: 'Обмен и хранение' },
] as const;
type Id = (typeof TABS)[number]['id'];

function Harness() {
  const [tab, setTab] = useState<Id>('calls');
  return (
    <Tabs label="Рабочее место" tabs={TABS} selected={tab} onSelect={setTab}>
      <p>Панель {tab}</p>
    </Tabs>
  );
}

const tab = (name: string) => screen.getByRole('tab', { name });
const selected = () =>
  screen
    .getAllByRole('tab')
    .filter((t) => t.getAttribute('aria-selected') === 'true')
    .map((t) => t.textContent);

describe('Tabs', () => {
  it('is a labelled tab list whose one panel is labelled by the selected tab', () => {
    render(<Harness />);
    expect(screen.getByRole('tablist', { name: 'Рабочее место' })).toBeTruthy();
    expect(selected()).toEqual(['Звонки']);
    const panel = screen.getByRole('tabpanel', { name: 'Звонки' });
    expect(panel.textContent).toBe('Панель calls');
    expect(tab('Звонки').getAttribute('aria-controls')).toBe(panel.id);
    fireEvent.click(tab('Показатели'));
    expect(screen.getByRole('tabpanel', { name: 'Показатели' }).textContent).toBe('Панель dashboard');
  });

  it('has one tab stop, the selected tab (roving tabindex)', () => {
    render(<Harness />);
    const stops = () => screen.getAllByRole('tab').map((t) => t.tabIndex);
    expect(stops()).toEqual([0, -1, -1]);
    fireEvent.click(tab('Обмен и хранение'));
    expect(stops()).toEqual([-1, -1, 0]);
  });

  it('moves and selects with the arrow keys (wrapping), Home and End, focusing the new tab', () => {
    render(<Harness />);
    tab('Звонки').focus();
    const press = (key: string) => fireEvent.keyDown(document.activeElement!, { key });
    press('ArrowRight');
    expect(selected()).toEqual(['Показатели']);
    expect(document.activeElement).toBe(tab('Показатели'));
    press('End');
    expect(selected()).toEqual(['Обмен и хранение']);
    press('ArrowRight');
    expect(selected()).toEqual(['Звонки']);
    press('ArrowLeft');
    expect(selected()).toEqual(['Обмен и хранение']);
    press('Home');
    expect(selected()).toEqual(['Звонки']);
    expect(document.activeElement).toBe(tab('Звонки'));
    press('KeyA');
    expect(selected()).toEqual(['Звонки']);
  });
});
