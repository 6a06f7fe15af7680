// The account bar's status lines are chunks of their own: one that cannot be loaded (the network dropped
// before the service worker took the page) is left out, and the bar and the app around it stay.
import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AccountBar } from '../../src/app/AccountBar';

vi.mock('../../src/app/FlowsAgeLine', () => {
  throw new TypeError('Failed to fetch dynamically imported module');
});

const session = {
  person: {
    id: 'p1',
    login: 'murmansk.operator',
    surname: 'Смирнова',
    firstName: 'Анна',
    roles: ['operator'],
  },
  organisation: { id: 'murmansk-sport', shortName: 'Минспорт', fullName: 'Министерство спорта' },
} as unknown as Parameters<typeof AccountBar>[0]['account']['session'];

describe('the account bar', () => {
  it('stays whole when a status line’s chunk cannot be loaded', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <AccountBar
        account={{
          session,
          signOut: () => Promise.resolve(),
          sync: null,
          flows: { fetchedAt: null, reachable: false },
        }}
      />,
    );
    await waitFor(() => expect(errors).toHaveBeenCalled());
    expect(screen.getByRole('button', { name: 'Выйти' })).toBeTruthy();
    expect(screen.getByTestId('signed-in-as').textContent).toContain('Смирнова Анна');
    errors.mockRestore();
  });
});
