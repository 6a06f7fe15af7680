import { useMemo, useState } from 'react';
import { filterCalls, type CallFilter } from '../analytics';
import { useApp } from '../services/AppContext';
import { useClock } from '../services/ClockContext';
import { t } from '../i18n';
import { Tabs } from '../ui/Tabs';
import { CallFilters } from './CallFilters';
import { CallRecord } from './CallRecord';
import { CallsList } from './CallsList';
import { ComplianceList } from './ComplianceList';
import { DashboardView } from './DashboardView';
import { ExchangePanel } from './ExchangePanel';
import { PeriodPicker } from './PeriodPicker';
import { useArticleReviews } from './useArticleReviews';
import { useSupervisedCalls, type SupervisorCall } from './useSupervisedCalls';
import { CentreCallRecord } from './centre/CentreCallRecord';
import { CentreExport } from './centre/CentreExport';
import { CentreNotice } from './centre/CentreNotice';
import { readsCentre } from './centre/centreSession';
import { LineBoard } from './centre/LineBoard';
import { useCentreCalls } from './centre/useCentreCalls';

const DAY = 86_400_000;
type Tab = keyof typeof t.supervisor.tabs;
const TABS = Object.keys(t.supervisor.tabs) as Tab[]; // the catalogue's keys are the tabs
/** Only with the centre's server: the line is the whole centre's. */
const CENTRE_ONLY: ReadonlySet<Tab> = new Set(['line']);

/** The start of the local day `now` falls in. */
function today(now: number): number {
  const d = new Date(now);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

export function SupervisorWorkspace() {
  const { db } = useApp();
  const clock = useClock();
  const text = t.supervisor;
  const [period, setPeriod] = useState(() => {
    const day = today(clock.now());
    return { from: day - 6 * DAY, to: day + DAY };
  });
  const [filter, setFilter] = useState<CallFilter>({});
  const [tab, setTab] = useState<Tab>('calls');
  const [openId, setOpenId] = useState<string | null>(null);
  // Another desk's call of a client call, opened from a record's chain: it may be outside the list.
  const [chainCall, setChainCall] = useState<SupervisorCall | null>(null);
  // Signed in to a centre as its supervisor: the server's calls, figures and line; else this workstation's.
  const [centre] = useState(readsCentre);
  const local = useSupervisedCalls(centre ? null : db, period.from, period.to);
  const remote = useCentreCalls(centre, tab !== 'line', period.from, period.to, filter);
  const state = centre ? remote.state : local;
  const articles = useArticleReviews(db);
  const now =
    state.status === 'ready' ? state.loadedAt : state.status === 'loading' ? state.since : period.to;
  const all = useMemo(() => (state.status === 'ready' ? state.calls : []), [state]);
  const shown = useMemo(() => filterCalls(all, filter, now), [all, filter, now]);
  const open = openId
    ? (all.find((c) => c.row.id === openId) ?? (chainCall?.row.id === openId ? chainCall : undefined))
    : undefined;

  if (!db)
    return (
      <section className="workspace">
        <h1>{text.title}</h1>
        <p role="alert">{text.noStorage}</p>
      </section>
    );
  return (
    <section aria-labelledby="supervisor-title" className="workspace supervisor">
      <h1 id="supervisor-title">{text.title}</h1>
      <PeriodPicker from={period.from} to={period.to} onChange={setPeriod} />
      <CallFilters calls={centre ? remote.known : all} filter={filter} onChange={setFilter} />
      {centre && <CentreNotice capped={remote.capped} problem={remote.problem} />}
      <Tabs
        label={text.tabsLabel}
        tabs={TABS.filter((k) => centre || !CENTRE_ONLY.has(k)).map((k) => ({ id: k, label: text.tabs[k] }))}
        selected={tab}
        onSelect={setTab}
      >
        {/* The dashboard says it is loading itself: its figures come before the list. */}
        {state.status === 'loading' && tab !== 'dashboard' && tab !== 'line' && (
          <p role="status">{text.loading}</p>
        )}
        {tab === 'line' && <LineBoard />}
        {tab === 'calls' && <CallsList calls={shown} total={all.length} now={now} onOpen={setOpenId} />}
        {tab === 'dashboard' && state.status !== 'failed' && (
          <DashboardView
            source={state.dashboard}
            filter={filter}
            period={period}
            now={now}
            articles={articles}
            onOpenCalls={(f) => {
              setFilter(f);
              setTab('calls');
            }}
          />
        )}
        {tab === 'compliance' && <ComplianceList calls={shown} now={now} onOpen={setOpenId} />}
        {tab === 'exchange' && centre && <CentreExport {...period} filter={filter} />}
        {tab === 'exchange' && <ExchangePanel db={db} calls={shown} now={now} />}
      </Tabs>
      {open &&
        (centre ? (
          <CentreCallRecord
            db={db}
            call={open}
            now={now}
            onClose={() => setOpenId(null)}
            onOpen={(call) => {
              setChainCall(call);
              setOpenId(call.row.id);
            }}
          />
        ) : (
          <CallRecord db={db} call={open} now={now} onClose={() => setOpenId(null)} />
        ))}
    </section>
  );
}
