// `npm run flows:simulate -- <flow file> <events file>`: plays a scripted call through the engine on a
// simulated clock and prints what the operator would see, then the final state and outcome as JSON.
import { resolve } from 'node:path';
import { SAMPLE_ORGANISATIONS } from '../calls/samples';
import * as calls from '../i18n/ru/calls';
import * as flows from '../i18n/ru/flows';
import { systemClock } from '../services/clock';
import type { OperatorProfile } from '../calls/organisation';
import { parseScript, resolveTime, runSimulation, type TranscriptEntry } from '../calls/simulate';
import { checkFlowFile } from '../flows/check';
import type { FlowDefinition } from '../flows/types';
import { FLOW_FILE_MAX_BYTES } from '../services/readTextFile';
import { isMain } from './cliUtil';
import { readDiskText } from './sourceFiles';

/** A fictional operator for simulations; a script may name its own. */
export const SAMPLE_OPERATOR: OperatorProfile = {
  surname: 'Смирнова',
  firstName: 'Елена',
  patronymic: 'Викторовна',
  position: 'консультант',
  department: 'отдел по работе с обращениями',
};

const clockTime = (seconds: number): string => {
  const m = Math.floor(seconds / 60);
  return `+${String(m).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
};

function describe(entry: TranscriptEntry, flow: FlowDefinition): string {
  const at = `[${clockTime(entry.t)}]`;
  switch (entry.kind) {
    case 'line': {
      const step = flow.steps.find((s) => s.id === entry.stepId);
      const where = entry.phase === 'talking' && step ? flows.stage(step.stage) : calls.phases[entry.phase];
      const text = entry.line.kind === 'ready' ? `«${entry.line.text}»` : calls.fillFirst(entry.line.missing);
      return `${at} ${where} · ${calls.simulate.operatorSays}: ${text}`;
    }
    case 'event': {
      if (!entry.accepted) return `${at} → ${entry.type} ${calls.simulate.notAvailable(entry.type)}`;
      const notice = entry.notice ? ` — ${calls.notice(entry.notice.code, entry.notice.params)}` : '';
      return `${at} → ${entry.type}${notice}`;
    }
    case 'choices':
      return entry.lines.map((line) => `${at}   ${calls.simulate.orSay} «${line}»`).join('\n');
    case 'wait':
      return `${at} ${calls.simulate.waited(entry.seconds)}`;
    case 'error':
      return `${at} ! ${calls.simulate.scriptError(entry.error)}`;
  }
}

export function runFlowsSimulate(args: readonly string[], out: (line: string) => void, root = '.'): number {
  const [flowFile, eventsFile] = args;
  if (!flowFile || !eventsFile) {
    out(calls.simulate.usage);
    return 1;
  }
  const flowRead = readDiskText(resolve(root, flowFile), FLOW_FILE_MAX_BYTES);
  if (!flowRead.ok) {
    out(calls.simulate.cannotRead(flowFile, flowRead.problem, FLOW_FILE_MAX_BYTES));
    return 1;
  }
  const eventsRead = readDiskText(resolve(root, eventsFile), FLOW_FILE_MAX_BYTES);
  if (!eventsRead.ok) {
    out(calls.simulate.cannotRead(eventsFile, eventsRead.problem, FLOW_FILE_MAX_BYTES));
    return 1;
  }
  const flowText = flowRead.text;
  const eventsText = eventsRead.text;
  const checked = checkFlowFile(flowText, flowFile);
  if (!checked.flow) {
    checked.issues.forEach((issue) => out(flows.issueLine(issue)));
    out(calls.simulate.flowInvalid(flowFile));
    return 1;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(eventsText);
  } catch (e) {
    out(calls.simulate.eventsInvalid(eventsFile, e instanceof Error ? e.message : String(e)));
    return 1;
  }
  const parsed = parseScript(raw);
  if (!parsed.ok) {
    out(calls.simulate.eventsInvalid(eventsFile, flows.issueLine(parsed.issue, '')));
    return 1;
  }
  const { start } = parsed.script;
  const org = SAMPLE_ORGANISATIONS.find((o) => o.id === (start.organisation ?? SAMPLE_ORGANISATIONS[0]?.id));
  if (!org) {
    const known = SAMPLE_ORGANISATIONS.map((o) => o.id);
    out(
      calls.simulate.eventsInvalid(eventsFile, calls.simulate.unknownOrganisation(start.organisation, known)),
    );
    return 1;
  }
  const now = systemClock.now();
  const startAt = start.at === undefined ? now : resolveTime(start.at, now, org);
  if (startAt === null) {
    const error = { code: 'badTime', field: 'start.at', value: String(start.at) } as const;
    out(calls.simulate.eventsInvalid(eventsFile, calls.simulate.scriptError(error)));
    return 1;
  }
  const flow = checked.flow;
  const result = runSimulation(flow, parsed.script, org, start.operator ?? SAMPLE_OPERATOR, startAt);
  result.transcript.forEach((entry) => out(describe(entry, flow)));
  if (result.transcript.some((entry) => entry.kind === 'error')) {
    out(calls.simulate.stopped(eventsFile));
    return 1;
  }
  out(JSON.stringify(result.final, null, 2));
  return 0;
}

if (isMain(import.meta.url)) {
  process.exitCode = runFlowsSimulate(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`));
}
