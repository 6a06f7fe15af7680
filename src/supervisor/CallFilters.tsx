import { useMemo } from 'react';
import { CALL_RESULTS, COMPLIANCE_RULES, HEADLINES, type CallFilter } from '../analytics';
import { t } from '../i18n';
import { resultLabel } from './callText';
import type { SupervisorCall } from './useSupervisedCalls';

type Props = {
  calls: readonly SupervisorCall[];
  filter: CallFilter;
  onChange: (f: CallFilter) => void;
  /** The centre's groups of operators (only a server knows them); none: no group filter. */
  groups?: readonly { id: string; name: string }[];
};

const distinct = (values: (string | null)[]) =>
  [...new Set(values.filter((v): v is string => v !== null && v !== ''))].sort((a, b) => a.localeCompare(b));

type Choice = { value: string; label: string };

function Select(props: {
  label: string;
  value: string | undefined;
  choices: Choice[];
  onChange: (v: string) => void;
}) {
  return (
    <label>
      {props.label}{' '}
      <select value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{t.supervisor.filters.any}</option>
        {props.choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}

const plain = (v: string): Choice => ({ value: v, label: v });

export function CallFilters({ calls, filter, onChange, groups = [] }: Props) {
  const text = t.supervisor.filters;
  const options = useMemo(
    () => ({
      operators: distinct(calls.map((c) => c.facts.operatorName)).map(plain),
      flows: distinct(calls.map((c) => `${c.facts.flowId}@${c.facts.flowVersion}`)).map(plain),
      topics: distinct(calls.map((c) => c.facts.topic)).map(plain),
    }),
    [calls],
  );
  // An empty choice removes the key, so "any" never filters.
  const set =
    <K extends keyof CallFilter>(key: K) =>
    (value: string) => {
      const next = { ...filter };
      if (value === '') delete next[key];
      else next[key] = value as CallFilter[K]; // values come from the choices offered for this key
      onChange(next);
    };
  return (
    <fieldset className="call-filters">
      <legend>{text.title}</legend>
      <Select
        label={text.operator}
        value={filter.operator}
        choices={options.operators}
        onChange={set('operator')}
      />
      {groups.length > 0 && (
        <Select
          label={text.group}
          value={filter.group}
          choices={groups.map((g) => ({ value: g.id, label: g.name }))}
          onChange={set('group')}
        />
      )}
      <Select label={text.flow} value={filter.flow} choices={options.flows} onChange={set('flow')} />
      <Select
        label={text.direction}
        value={filter.direction}
        choices={(['inbound', 'outbound'] as const).map((d) => ({
          value: d,
          label: t.callbacks.history.directions[d],
        }))}
        onChange={set('direction')}
      />
      <Select
        label={text.outcome}
        value={filter.outcome}
        choices={CALL_RESULTS.map((o) => ({ value: o, label: resultLabel(o) }))}
        onChange={set('outcome')}
      />
      <Select label={text.topic} value={filter.topic} choices={options.topics} onChange={set('topic')} />
      <Select
        label={text.rule}
        value={filter.rule}
        choices={COMPLIANCE_RULES.map((r) => ({ value: r, label: t.supervisor.rules[r] }))}
        onChange={set('rule')}
      />
      <Select
        label={text.behind}
        value={filter.behind}
        choices={HEADLINES.map((k) => ({ value: k, label: text.behindChoices[k] }))}
        onChange={set('behind')}
      />
      <label>
        {text.search}{' '}
        <input type="search" value={filter.search ?? ''} onChange={(e) => set('search')(e.target.value)} />
      </label>{' '}
      <button type="button" onClick={() => onChange({})}>
        {text.reset}
      </button>
    </fieldset>
  );
}
