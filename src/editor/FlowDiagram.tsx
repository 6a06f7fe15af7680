import { Background, Controls, ReactFlow, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import { t } from '../i18n';
import type { FlowIssue } from '../flows/issues';
import type { FlowDefinition } from '../flows/types';
import { layoutFlow, NODE_HEIGHT, NODE_WIDTH } from './diagramLayout';

type Props = { flow: FlowDefinition; issues: readonly FlowIssue[]; onOpen: (stepId: string) => void };

const STAGE_PREFIX = 'stage:';

/** The flow as a diagram: click a step to open it in the form. */
export function FlowDiagram({ flow, issues, onOpen }: Props) {
  const text = t.editor.diagram;
  const { nodes, edges } = useMemo(() => {
    const l = layoutFlow(flow, issues);
    const groups: Node[] = l.stages.map((s) => ({
      id: `${STAGE_PREFIX}${s.stage}`,
      position: { x: s.x, y: s.y },
      data: { label: t.flows.stage(s.stage) },
      style: { width: s.width, height: s.height, zIndex: -1, background: 'rgba(40, 90, 130, 0.06)' },
      className: 'diagram-stage',
      selectable: false,
      draggable: false,
      connectable: false,
    }));
    const steps: Node[] = l.steps.map((s) => {
      const marks = [s.unreachable && text.unreachable, s.deadEnd && text.deadEnd].filter(Boolean).join(', ');
      return {
        id: s.id,
        position: { x: s.x, y: s.y },
        data: { label: marks ? `${s.id} (${marks})` : s.id },
        // The app's stylesheet is shared; the few marks the diagram needs are set here.
        style: {
          width: NODE_WIDTH,
          height: NODE_HEIGHT,
          ...(marks ? { border: '3px solid #b00020' } : {}),
          ...(s.start ? { fontWeight: 'bold' } : {}),
        },
        className: ['diagram-step', s.start && 'diagram-start', marks && 'diagram-problem']
          .filter(Boolean)
          .join(' '),
        connectable: false,
        ariaLabel: `${s.id}, ${t.flows.stage(s.stage)}${marks ? `, ${marks}` : ''}`,
      };
    });
    const lines: Edge[] = l.options.map((o) => ({ id: o.id, source: o.from, target: o.to, label: o.label }));
    return { nodes: [...groups, ...steps], edges: lines };
  }, [flow, issues, text]);
  return (
    <section aria-label={text.title} className="flow-diagram">
      <p className="muted">{text.legend}</p>
      <div style={{ height: 600 }}>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          fitView
          nodesConnectable={false}
          onNodeClick={(_, node) => !node.id.startsWith(STAGE_PREFIX) && onOpen(node.id)}
        >
          <Background />
          <Controls />
        </ReactFlow>
      </div>
    </section>
  );
}
