import { useMemo, useState } from 'react';
import { filterCalls, type CallFilter } from '../analytics';
import { useApp } from '../services/AppContext';
import { useClock } from '../services/ClockContext';
import { t } from '../i18n';
import { Tabs } from '../ui/Tabs';
import { CallFilters } from './CallFilters';
import { CallRecord, type OpenRecord } from './CallRecord';
import { CallsList } from './CallsList';
import { ComplianceList } from './ComplianceList';
import { DashboardView } from './DashboardView';
import { ExchangePanel } from './ExchangePanel';
import { PeriodPicker } from './PeriodPicker';
import { useArticleReviews } from './useArticleReviews';
import { useSupervisedCalls } from './useSupervisedCalls';
import { CentreCallRecord } from './centre/CentreCallRecord';
import { CentreExport } from './centre/CentreExport';
import { CentreNotice } from './centre/CentreNotice';
import { readsCentre } from './centre/centreSession';
import { useImportsUpload } from './centre/importsUpload';
import { LineBoard } from './centre/LineBoard';
import { useCentreCalls } from './centre/useCentreCalls';
import { useCentreGroups } from './centre/useCentreGroups';
import { CoachingView } from './centre/CoachingView';
import type { SupervisorCall } from './useSupervisedCalls';

const DAY = 86_400_000;
type Tab = keyof typeof t.supervisor.tabs;
const TABS = Object.keys(t.supervisor.tabs) as Tab[]; // the catalogue's keys are the tabs
/** Only with the centre's server: the line is the whole centre's. */
const CENTRE_ONLY: ReadonlySet<Tab> = new Set(['line', 'coaching']);

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
  // A call opened from the coaching page: it may be one the list does not hold.
  const [picked, setPicked] = useState<SupervisorCall | null>(null);
  // Signed in to a centre as its supervisor: the server's calls, figures and line; else this workstation's.
  const [centre] = useState(readsCentre);
  const local = useSupervisedCalls(centre ? null : db, period.from, period.to);
  const remote = useCentreCalls(centre, tab !== 'line', period.from, period.to, filter);
  const groups = useCentreGroups(centre);
  const state = centre ? remote.state : local;
  const articles = useArticleReviews(db);
  const imports = useImportsUpload(centre ? db : null);
  const now =
    state.status === 'ready' ? state.loadedAt : state.status === 'loading' ? state.since : period.to;
  const all = useMemo(() => (state.status === 'ready' ? state.calls : []), [state]);
  const shown = useMemo(() => filterCalls(all, filter, now), [all, filter, now]);
  const open = picked ?? (openId ? all.find((c) => c.row.id === openId) : undefined);
  const openListed = (id: string) => {
    setPicked(null);
    setOpenId(id);
  };
  const close = () => {
    setPicked(null);
    setOpenId(null);
  };
  // Another desk's call of the same client call: it may be one the list does not hold.
  const openAnother = (call: SupervisorCall) => {
    setPicked(call);
    setOpenId(call.row.id);
  };
  const openCalls = (f: CallFilter) => {
    setFilter(f);
    setTab('calls');
  };

  if (!db)
    return (
      <section className="workspace">
        <h1>{text.title}</h1>
        <p role="alert">{text.noStorage}</p>
      </section>
    );
  const record: OpenRecord | undefined = open && { db, call: open, now, onClose: close };
  return (
    <section aria-labelledby="supervisor-title" className="workspace supervisor">
      <h1 id="supervisor-title">{text.title}</h1>
      <PeriodPicker from={period.from} to={period.to} onChange={setPeriod} />
      <CallFilters
        calls={centre ? remote.known : all}
        filter={filter}
        onChange={setFilter}
        groups={centre ? groups : []}
      />
      {centre && <CentreNotice capped={remote.capped} problem={remote.problem} />}
      <Tabs
        label={text.tabsLabel}
        tabs={TABS.filter((k) => centre || !CENTRE_ONLY.has(k)).map((k) => ({ id: k, label: text.tabs[k] }))}
        selected={tab}
        onSelect={setTab}
      >
        {/* The dashboard says it is loading itself: its figures come before the list. */}
        {state.status === 'loading' && tab !== 'dashboard' && tab !== 'line' && tab !== 'coaching' && (
          <p role="status">{text.loading}</p>
        )}
        {tab === 'line' && <LineBoard />}
        {tab === 'calls' && <CallsList calls={shown} total={all.length} now={now} onOpen={openListed} />}
        {tab === 'dashboard' && state.status !== 'failed' && (
          <DashboardView
            source={state.dashboard}
            filter={filter}
            period={period}
            now={now}
            articles={articles}
            onOpenCalls={openCalls}
          />
        )}
        {tab === 'compliance' && <ComplianceList calls={shown} now={now} onOpen={openListed} />}
        {tab === 'coaching' && centre && (
          <CoachingView {...period} filter={filter} known={all} onOpen={setPicked} />
        )}
        {tab === 'exchange' && centre && <CentreExport {...period} filter={filter} />}
        {tab === 'exchange' && <ExchangePanel db={db} calls={shown} now={now} toServer={imports} />}
      </Tabs>
      {record &&
        (centre ? <CentreCallRecord {...record} onOpen={openAnother} /> : <CallRecord {...record} />)}
    </section>
  );
}
