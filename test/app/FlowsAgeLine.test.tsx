// The account bar's quiet line about the workstation's flows (issue 18): said only while the server
// cannot be reached, with how long ago the flows came, and kept up to date as time passes.
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FlowsAgeLine } from '../../src/app/FlowsAgeLine';

const NOW = Date.UTC(2026, 11, 7, 9, 30);
const MINUTE = 60_000;
const line = () => screen.queryByTestId('flows-age')?.textContent ?? null;

afterEach(() => vi.useRealTimers());

describe('the flows age line', () => {
  it('says nothing while the server answers, or before the flows ever came from it', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'], now: NOW });
    const { rerender } = render(<FlowsAgeLine status={{ fetchedAt: NOW - MINUTE, reachable: true }} />);
    expect(line()).toBeNull();
    rerender(<FlowsAgeLine status={{ fetchedAt: null, reachable: false }} />);
    expect(line()).toBeNull();
  });

  it('says how old the flows are while offline, and ages as time goes by', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'], now: NOW });
    const { rerender } = render(<FlowsAgeLine status={{ fetchedAt: NOW - 20 * MINUTE, reachable: false }} />);
    expect(line()).toBe('нет связи: сценарии получены 20 мин назад');
    act(() => void vi.advanceTimersByTime(45 * MINUTE));
    expect(line()).toBe('нет связи: сценарии получены 1 ч назад');
    rerender(<FlowsAgeLine status={{ fetchedAt: NOW - 3 * 24 * 60 * MINUTE, reachable: false }} />);
    expect(line()).toBe('нет связи: сценарии получены 3 дня назад');
    expect(screen.getByTestId('flows-age').getAttribute('role')).toBeNull();
  });
});
