import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { catalog, line, press, setup, typeAndEnter } from './workspace';

describe('starting a call', () => {
  it('names the flow files that failed their check and starts with the good ones', async () => {
    const broken = { file: 'broken.json', issues: [] };
    const { controller } = setup({ flows: { flows: catalog.flows, invalid: [broken] } });
    expect(screen.getByText(/Сценарии с ошибками пропущены: broken\.json/)).toBeTruthy();
    await press('F2');
    expect(controller.started).toHaveLength(1);
  });

  it('says so when no flow is usable, and starts nothing', async () => {
    const { controller } = setup({ flows: { flows: [], invalid: [] } });
    expect(screen.getByRole('alert').textContent).toBe('Нет ни одного исправного сценария звонка.');
    await press('F2');
    expect(controller.started).toEqual([]);
  });

  it('says the bundled flows could not be loaded, and still starts calls with the published ones', async () => {
    const published = catalog.flows.filter((f) => f.id === 'inbound-consultation');
    const { controller } = setup({ flows: { flows: published, invalid: [], loadFailed: true } });
    expect(screen.getByRole('alert').textContent).toMatch(
      /^Не удалось загрузить сценарии звонков, встроенные в приложение\. Перезагрузите страницу/,
    );
    await press('F2');
    expect(controller.started[0]).toMatchObject({ flowId: 'inbound-consultation' });
  });

  it('starts an outgoing call with F4 and the likely outbound flow', async () => {
    const { controller } = setup();
    await press('F4');
    expect(controller.started[0]).toMatchObject({ direction: 'outbound', flowId: 'outbound-callback' });
    expect(line()).toMatch(/Смирнова Елена Викторовна/);
  });

  it('takes the caller phone through the +7 mask and refuses a number that is not Russian', async () => {
    const { controller } = setup();
    const phone = screen.getByLabelText<HTMLInputElement>('Телефон клиента (если известен)');
    act(() => phone.focus());
    fireEvent.change(phone, { target: { value: '7123' } });
    expect(phone.value).toBe('+7 (123');
    fireEvent.change(phone, { target: { value: '+7 (712) 345-67-89' } });
    expect(screen.getByRole('alert').textContent).toContain('Это не российский номер');
    await press('F2'); // works from inside the field, but not with a bad number
    expect(controller.started).toEqual([]);
    fireEvent.change(phone, { target: { value: '8 912 345 67 89' } });
    await press('F2');
    expect(controller.started[0]?.callerPhone).toBe('+79123456789');
    expect(screen.getByTestId('card-phone').textContent).toBe('+7 (912) 345-67-89');
  });

  it('picks the internal-client flow when the caller is a colleague', async () => {
    const { controller } = setup();
    fireEvent.click(screen.getByRole('radio', { name: 'Внутренний клиент' }));
    expect(screen.getByLabelText<HTMLSelectElement>('Сценарий входящего звонка').value).toBe(
      'inbound-internal',
    );
    await press('F2');
    expect(controller.started[0]?.flowId).toBe('inbound-internal');
  });
});

describe('during the call', () => {
  it('shows a read-only call without sending anything, and offers to take it over', async () => {
    const { controller } = setup({ readOnly: true });
    await press('F2');
    expect(screen.getByTestId('read-only-bar').textContent).toContain('ведётся в другой вкладке');
    await press('Digit1');
    expect(controller.sent).toEqual([]);
    expect(line()).toMatch(/^Доброе утро!/);
    expect(screen.getByRole('button', { name: /Клиент ответил/ })).toHaveProperty('disabled', true);
  });

  it('warns when the call is kept only in memory and offers the record as a file', async () => {
    setup({ storage: 'memory' });
    await press('F2');
    expect(screen.getByTestId('memory-bar').textContent).toContain('звонок идёт в памяти');
    expect(screen.getByRole('button', { name: 'Сохранить запись звонка в файл' })).toBeTruthy();
  });

  it('shows the operator hint for a care flag', async () => {
    setup();
    await press('F2');
    expect(screen.queryByTestId('care-hint-hearing')).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: /Плохо слышит/ }));
    expect(screen.getByTestId('care-hint-hearing').textContent).toContain('повторяйте цифры и даты');
  });

  it('records a caller who hung up mid-call and offers a callback when the phone is known', async () => {
    const { controller } = setup();
    await press('F2');
    await press('Digit1');
    await press('KeyN');
    await typeAndEnter('Ольга Ивановна');
    const phone = screen.getByLabelText<HTMLInputElement>('Телефон клиента (если назвал)');
    act(() => phone.focus());
    await typeAndEnter('9123456789');
    await press('KeyX', { shift: true });
    expect(controller.sent.at(-1)).toEqual({ type: 'caller.hungUp' });
    expect(screen.getByRole('heading', { name: 'Итоги звонка' })).toBeTruthy();
    expect(screen.getByTestId('end-reason').textContent).toBe('Звонок прервался');
    expect(screen.getByText(/Звонок прервался. Номер клиента известен: \+7 \(912\) 345-67-89/)).toBeTruthy();
  });

  it('puts the knowledge-base search one key away', async () => {
    setup();
    await press('F2');
    await press('KeyK');
    expect(document.activeElement).toBe(screen.getByLabelText('Поиск по базе знаний'));
  });

  it('shows the quick phrases of the flow on Shift+number', async () => {
    setup();
    await press('F2');
    await press('Digit1', { shift: true });
    expect(screen.getByText('Быстрая фраза:', { exact: false }).parentElement?.textContent).toContain(
      'Одну минуту, пожалуйста',
    );
  });
});
