// The PWA's link to the server over a network that comes and goes (issue 16): a page started offline
// with a remembered session can write as soon as the server answers again (it fetches its CSRF token),
// and a session that ends mid-run brings the sign-in page only once no call is in progress.
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useServerSession } from '../../../src/app/useServerSession';
import { startSession, type ServerState } from '../../../src/services/account/serverProbe';
import { api } from '../../../src/services/account/session';
import { setCallActive } from '../../../src/services/callOwner/activity';

const PERSON = {
  id: '7c6f1f1e-7a43-4f57-9a4e-0f6f3c1f2b11',
  login: 'murmansk.operator',
  surname: 'Смирнова',
  firstName: 'Анна',
  patronymic: 'Сергеевна',
  position: 'оператор',
  department: '',
  roles: ['operator'],
};
const ORGANISATION = { id: 'murmansk-sport', shortName: 'Минспорт', fullName: 'Министерство спорта' };
const EXPIRED = 'Сеанс закончился. Войдите снова.';

/** The server as the PWA sees it: a session with its CSRF token, and one write that checks it. */
class FakeServer {
  up = true;
  signedIn = true;
  token = 'token-1';
  writes: string[] = [];

  fetch = (input: string, init: RequestInit = {}): Promise<Response> => {
    if (!this.up) return Promise.reject(new TypeError('Failed to fetch'));
    const url = input;
    const method = init.method ?? 'GET';
    const json = (status: number, body: unknown) =>
      Promise.resolve(
        new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
      );
    if (!this.signedIn) return json(401, { code: 'session_expired', message: EXPIRED });
    if (url === '/api/v1/session' && method === 'GET') {
      return json(200, {
        person: PERSON,
        organisation: ORGANISATION,
        csrfToken: this.token,
        expiresAt: '2026-12-07T00:00:00.000Z',
      });
    }
    const headers = new Headers(init.headers);
    if (headers.get('x-csrf-token') !== this.token) {
      return json(403, { code: 'csrf_failed', message: 'Запрос отклонён: страница устарела.' });
    }
    this.writes.push(`${method} ${url}`);
    return json(200, { ok: true });
  };
}

let server: FakeServer;

beforeEach(() => {
  server = new FakeServer();
  vi.stubGlobal('fetch', server.fetch);
  localStorage.setItem('sufler.session', JSON.stringify({ person: PERSON, organisation: ORGANISATION }));
});

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
  setCallActive(false);
});

describe('a page started offline with a remembered session', () => {
  it('writes as soon as the server answers again, without a reload', async () => {
    server.up = false;
    const checked = new Promise<ServerState>((resolve) => {
      const started = startSession(resolve);
      expect(started).toMatchObject({ mode: 'signedIn', session: { person: { login: PERSON.login } } });
    });
    expect(await checked).toMatchObject({ mode: 'signedIn', offline: true });

    server.up = true;
    await expect(api('PUT', '/admin/people/x/status', { disabled: true })).resolves.toEqual({ ok: true });
    expect(server.writes).toEqual(['PUT /api/v1/admin/people/x/status']);
  });

  it('fetches the token again when the server no longer takes the one it had', async () => {
    const started = new Promise<ServerState>((resolve) => void startSession(resolve));
    expect(await started).toMatchObject({ mode: 'signedIn', offline: false });
    server.token = 'token-2';
    await expect(api('DELETE', '/session')).resolves.toEqual({ ok: true });
    expect(server.writes).toEqual(['DELETE /api/v1/session']);
  });
});

describe('a session that ends mid-run', () => {
  it('brings the sign-in page only after the call in progress, with the server’s word', async () => {
    const { result } = renderHook(() => useServerSession());
    await waitFor(() => expect(result.current.state).toMatchObject({ mode: 'signedIn', offline: false }));
    act(() => setCallActive(true));

    server.signedIn = false;
    await act(async () => {
      await expect(api('PUT', '/admin/people/x/status', { disabled: true })).rejects.toMatchObject({
        status: 401,
      });
    });
    // The call goes on: still signed in on screen, told the session ended; the person is forgotten.
    expect(result.current.state).toMatchObject({ mode: 'signedIn' });
    expect(result.current.endedNotice).toBe(EXPIRED);
    expect(localStorage.getItem('sufler.session')).toBeNull();

    act(() => setCallActive(false));
    expect(result.current.state).toEqual({ mode: 'signedOut', notice: EXPIRED });
    expect(result.current.endedNotice).toBeNull();
  });

  it('brings the sign-in page at once when no call is in progress, and hears it when the network returns', async () => {
    const { result } = renderHook(() => useServerSession());
    await waitFor(() => expect(result.current.state).toMatchObject({ mode: 'signedIn' }));
    server.signedIn = false;
    act(() => void window.dispatchEvent(new Event('online')));
    await waitFor(() => expect(result.current.state).toEqual({ mode: 'signedOut', notice: EXPIRED }));
  });

  it('asks again when the network said it was back a moment before the server could answer', async () => {
    const { result } = renderHook(() => useServerSession());
    await waitFor(() => expect(result.current.state).toMatchObject({ mode: 'signedIn' }));
    server.signedIn = false;
    server.up = false;
    act(() => void window.dispatchEvent(new Event('online')));
    await new Promise((r) => setTimeout(r, 50));
    expect(result.current.state).toMatchObject({ mode: 'signedIn' });
    server.up = true;
    await waitFor(() => expect(result.current.state).toEqual({ mode: 'signedOut', notice: EXPIRED }), {
      timeout: 3_000,
    });
  });
});
