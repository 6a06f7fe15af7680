// A centre's call record (issue 17): a call handed between desks shows its client call as one, in order,
// each other desk's record a link that opens it; events its device sent after the operator's calls were
// taken over on another device are said in words, with whether they went back into the call.
import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { analyzeCall } from '../../src/analytics';
import { AppDB } from '../../src/db';
import { centreCallRow, type ServerCall } from '../../src/services/supervision/centreCalls';
import { CentreCallRecord } from '../../src/supervisor/centre/CentreCallRecord';
import type { SupervisorCall } from '../../src/supervisor/useSupervisedCalls';
import { FLOWS, MIN, recordedCalls } from '../fixtures/analytics/calls';

vi.mock('../../src/supervisor/bundledFlowOf', () => ({
  bundledFlowOf: (id: string, version: number) =>
    FLOWS.find((f) => f.id === id && f.version === version) ?? null,
}));

const [first, second] = recordedCalls().map((c) => ({
  facts: analyzeCall(c.row, c.log, FLOWS.find((f) => f.id === c.row.flowId) ?? null),
  callerName: c.row.callerName,
  callerPhone: c.row.callerPhone,
}));
if (!first || !second) throw new Error('the fixture has calls');
const firstId = first.facts.callId;
const secondId = second.facts.callId;
const startedAt = first.facts.startedAt;
const hhmm = (t: number) =>
  new Intl.DateTimeFormat('ru-RU', { hour: '2-digit', minute: '2-digit' }).format(t);

const record = (callId: string) => ({
  callId,
  call: callId === firstId ? first : second,
  events: [],
  comments: [],
  chain: {
    chainId: firstId,
    calls: [
      {
        callId: firstId,
        operatorName: 'Смирнова Анна Сергеевна',
        startedAt,
        transfersBefore: 0,
        call: first,
      },
      {
        callId: secondId,
        operatorName: 'Петров Борис',
        startedAt: second.facts.startedAt,
        transfersBefore: 1,
        call: second,
      },
      // A third desk took it and is still talking: no record to open yet.
      {
        callId: 'third',
        operatorName: 'Орлова Вера',
        startedAt: startedAt + 30 * MIN,
        transfersBefore: 2,
        call: null,
      },
    ],
  },
  keptAside:
    callId === firstId
      ? [{ events: 2, restored: 2, firstAt: startedAt + MIN, lastAt: startedAt + 2 * MIN }]
      : [],
});

let db: AppDB;
beforeEach(() => {
  db = new AppDB(`centre-record-${Math.random()}`);
  vi.stubGlobal('fetch', (input: string) => {
    const id = decodeURIComponent(input.split('/supervision/calls/')[1] ?? '');
    return Promise.resolve(
      new Response(JSON.stringify(record(id)), { headers: { 'content-type': 'application/json' } }),
    );
  });
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await db.delete();
});

const supervisorCall = (c: typeof first): SupervisorCall => {
  // As the server sends it: the facts pass through the protocol whole (an interface has no index).
  const { row, facts } = centreCallRow({ ...c, facts: c.facts as unknown as ServerCall['facts'] });
  return { row, facts, callerName: c.callerName, callerPhone: c.callerPhone };
};

const renderRecord = (c: typeof first, onOpen: (call: SupervisorCall) => void = () => {}) =>
  render(
    <CentreCallRecord
      db={db}
      call={supervisorCall(c)}
      now={startedAt + 60 * MIN}
      onClose={() => {}}
      onOpen={onOpen}
    />,
  );

describe("a centre call's record", () => {
  it('shows the client call across desks in order, this desk marked, the others opening their records', async () => {
    const onOpen = vi.fn();
    renderRecord(first, onOpen);
    const chain = await screen.findByTestId('call-chain', {}, { timeout: 10_000 });
    expect(within(chain).getByRole('heading').textContent).toBe('Один звонок гражданина: 3 рабочих места');
    const desks = within(chain).getAllByRole('listitem');
    expect(desks.map((d) => d.textContent?.split(' — ')[0])).toEqual([
      'Смирнова Анна Сергеевна',
      'Петров Борис',
      'Орлова Вера',
    ]);
    expect(desks[0]?.getAttribute('aria-current')).toBe('true');
    expect(desks[0]?.textContent).toContain('первое рабочее место');
    expect(desks[0]?.textContent).toContain('(эта запись)');
    expect(desks[1]?.textContent).toContain('после 1-го переключения');
    expect(desks[2]?.textContent).toContain(`с ${hhmm(startedAt + 30 * MIN)}, звонок ещё идёт`);
    // Only the ended desks other than this one open; the one still talking has nothing to open yet.
    const links = within(chain).getAllByRole('button');
    expect(links.map((b) => b.textContent)).toEqual([
      `Открыть запись: Петров Борис, ${hhmm(second.facts.startedAt)}`,
    ]);
    fireEvent.click(links[0]!);
    expect(onOpen).toHaveBeenCalledOnce();
    expect(onOpen.mock.calls[0]?.[0]).toMatchObject({ row: { id: secondId }, facts: { callId: secondId } });
  });

  it('says in words that events were kept aside after a take-over on another device, and went back', async () => {
    renderRecord(first);
    const note = await screen.findByTestId('kept-aside', {}, { timeout: 10_000 });
    expect(note.textContent).toBe(
      'Звонки перехватывали на другом устройстве' +
        `2 события (${hhmm(startedAt + MIN)}–${hhmm(startedAt + 2 * MIN)}) это устройство записало, когда ` +
        'звонки оператора уже вели на другом устройстве: сервер сохранил их отдельно от звонка, а когда ' +
        'устройство снова взяло звонки и разговор продолжился, вернул их в запись.',
    );
  });

  it('shows no chain nor note for a call kept whole at one desk', async () => {
    vi.stubGlobal('fetch', () =>
      Promise.resolve(
        new Response(JSON.stringify({ callId: secondId, call: second, events: [], comments: [] }), {
          headers: { 'content-type': 'application/json' },
        }),
      ),
    );
    renderRecord(second);
    // The comments' heading comes with the reading: by then the chain would be there too.
    await screen.findByText('Комментарии руководителя', {}, { timeout: 10_000 });
    expect(screen.queryByTestId('call-chain')).toBeNull();
    expect(screen.queryByTestId('kept-aside')).toBeNull();
  });
});
