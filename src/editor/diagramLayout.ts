// Lays a flow out as a diagram: steps as boxes placed by dagre (top to bottom along the options), a
// background box per stage around its steps, and the steps the validator finds unreachable or stuck.
import { Graph, layout } from '@dagrejs/dagre';
import { locateIssue } from '../flows/edit';
import type { FlowIssue } from '../flows/issues';
import type { FlowDefinition, Stage } from '../flows/types';

export const NODE_WIDTH = 190;
export const NODE_HEIGHT = 56;
const GROUP_PADDING = 16;

export interface StepBox {
  id: string;
  stage: Stage;
  x: number;
  y: number;
  start: boolean;
  unreachable: boolean;
  deadEnd: boolean;
}

export interface StageBox {
  stage: Stage;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface OptionLine {
  id: string;
  from: string;
  to: string;
  label: string;
}

export interface FlowLayout {
  steps: StepBox[];
  stages: StageBox[];
  options: OptionLine[];
}

/** dagre's node label is untyped: read the centre it computed, defensively. */
function centreOf(label: unknown): { x: number; y: number } {
  if (typeof label !== 'object' || label === null) return { x: 0, y: 0 };
  const x: unknown = Reflect.get(label, 'x');
  const y: unknown = Reflect.get(label, 'y');
  return { x: typeof x === 'number' ? x : 0, y: typeof y === 'number' ? y : 0 };
}

const STAGE_NODE = 'stage:';

function boxOf(label: unknown): { x: number; y: number; width: number; height: number } {
  const { x, y } = centreOf(label);
  const num = (key: string): number => {
    const v: unknown = typeof label === 'object' && label !== null ? Reflect.get(label, key) : undefined;
    return typeof v === 'number' ? v : 0;
  };
  return { x, y, width: num('width'), height: num('height') };
}

export function layoutFlow(flow: FlowDefinition, issues: readonly FlowIssue[]): FlowLayout {
  // A compound graph: each stage is a cluster, so dagre keeps the stage boxes from overlapping.
  const g = new Graph({ compound: true });
  g.setGraph({ rankdir: 'TB', nodesep: 30, ranksep: 60 });
  g.setDefaultEdgeLabel(() => ({}));
  const ids = new Set(flow.steps.map((s) => s.id));
  for (const stage of new Set(flow.steps.map((s) => s.stage))) g.setNode(`${STAGE_NODE}${stage}`, {});
  for (const s of flow.steps) {
    g.setNode(s.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
    g.setParent(s.id, `${STAGE_NODE}${s.stage}`);
  }
  const options: OptionLine[] = [];
  const linked = new Set<string>();
  for (const s of flow.steps) {
    s.options.forEach((o, k) => {
      if (!ids.has(o.next)) return; // a missing target is an error shown in the list, not a line to nowhere
      g.setEdge(s.id, o.next);
      linked.add(o.next);
      options.push({ id: `${s.id}:${k}`, from: s.id, to: o.next, label: o.label });
    });
  }
  // Farewells chosen by outcome have no option leading to them: rank them beside the linked farewells
  // with layout-only edges, instead of at the top of the diagram.
  const farewells = flow.steps.filter((s) => s.stage === 'farewell');
  const beforeFarewell = flow.steps.filter((s) =>
    s.options.some((o) => farewells.some((f) => f.id === o.next)),
  );
  for (const f of farewells) {
    if (linked.has(f.id)) continue;
    for (const b of beforeFarewell) g.setEdge(b.id, f.id);
  }
  layout(g);

  const marked = (code: FlowIssue['code']) =>
    new Set(
      issues
        .filter((i) => i.code === code)
        .map((i) => locateIssue(flow, i))
        .flatMap((l) => (l.kind === 'step' ? [l.stepId] : [])),
    );
  const unreachable = marked('step.unreachable');
  const deadEnd = marked('step.noFarewell');
  const steps = flow.steps.map((s): StepBox => {
    const n = centreOf(g.node(s.id));
    return {
      id: s.id,
      stage: s.stage,
      // dagre gives centres; the diagram places boxes by their top-left corner.
      x: n.x - NODE_WIDTH / 2,
      y: n.y - NODE_HEIGHT / 2,
      start: s.id === flow.start,
      unreachable: unreachable.has(s.id),
      deadEnd: deadEnd.has(s.id),
    };
  });

  const stages = [...new Set(steps.map((s) => s.stage))].map((stage): StageBox => {
    const box = boxOf(g.node(`${STAGE_NODE}${stage}`));
    return {
      stage,
      x: box.x - box.width / 2,
      y: box.y - box.height / 2 - GROUP_PADDING,
      width: box.width,
      height: box.height + GROUP_PADDING,
    };
  });
  return { steps, stages, options };
}
