// One call per operator across devices, on the operator's screen: while another device holds the
// operator's calls, this one says so in words, starts no call and sends nothing, and «Перехватить» takes
// the calls here (or says why it could not).
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { linkLease, setLeaseStanding } from '../../src/services/lease/standing';
import { press, setup } from './workspace';

/** The lease client as the screen sees it; `reachable: false` is a take-over without network. */
function linkServer(reachable: boolean) {
  const asked: boolean[] = [];
  linkLease({
    ask: () => undefined,
    takeOver: () => {
      asked.push(true);
      if (reachable) setLeaseStanding('free');
      return Promise.resolve(reachable);
    },
  });
  return asked;
}

afterEach(() => act(() => linkLease(null)));

describe('calls held by another device of the operator', () => {
  it('between calls: says so, starts nothing, and takes the calls over when asked', async () => {
    const asked = linkServer(true);
    act(() => setLeaseStanding('elsewhere'));
    const { controller } = setup();
    expect((await screen.findByTestId('lease-notice')).textContent).toContain('ведутся на другом устройстве');
    const incoming = screen.getByRole('button', { name: /Входящий/ });
    expect(incoming).toHaveProperty('disabled', true);
    await press('F2');
    expect(controller.started).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Перехватить звонки на это устройство' }));
    await waitFor(() => expect(screen.queryByTestId('lease-notice')).toBeNull());
    expect(asked).toHaveLength(1);
    expect(screen.getByRole('button', { name: /Входящий/ })).toHaveProperty('disabled', false);
    await press('F2');
    expect(controller.started).toHaveLength(1);
  });

  it('says the calls were taken over, and that a take-over without network failed', async () => {
    linkServer(false);
    act(() => setLeaseStanding('lost'));
    setup();
    expect((await screen.findByTestId('lease-notice')).textContent).toContain(
      'перехватили на другом устройстве',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Перехватить звонки на это устройство' }));
    expect(await screen.findByText(/Не удалось перехватить: нет связи/)).toBeTruthy();
    expect(screen.getByTestId('lease-notice')).toBeTruthy();
  });

  it('during a call: shows it read-only with the device’s words, not the other tab’s', async () => {
    linkServer(false);
    act(() => setLeaseStanding('lost'));
    const { controller } = setup({ readOnly: true, heldElsewhere: true });
    // Started before the news came: the call stays on screen, read-only.
    act(() => setLeaseStanding('free'));
    await press('F2');
    act(() => setLeaseStanding('lost'));
    expect((await screen.findByTestId('lease-notice')).textContent).toContain('перехватили');
    expect(screen.queryByTestId('read-only-bar')).toBeNull();
    await press('Digit1');
    expect(controller.sent).toEqual([]);
  });
});
