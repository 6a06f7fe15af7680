import type { ReactNode } from 'react';
import { t } from '../i18n';
import { addField, addOption, removeField, removeOption, updateField, updateOption } from '../flows/edit';
import type { CaptureField, FlowDefinition, Step, StepOption } from '../flows/types';
import { boundTo, controlId, controlsOf, type IssueIndex } from './fieldKeys';
import type { EditFlow } from './StepForm';

/** The lists of a step edited item by item, by the type of their items. */
type Items = { options: StepOption; capture: CaptureField };
type Lists = { [K in keyof Items]: readonly Items[K][] };

type Ops = {
  [K in keyof Items]: {
    add: (flow: FlowDefinition, stepId: string) => FlowDefinition;
    remove: (flow: FlowDefinition, stepId: string, index: number) => FlowDefinition;
    update: (flow: FlowDefinition, stepId: string, index: number, patch: Partial<Items[K]>) => FlowDefinition;
  };
};

/** How each list changes; a new option leads back to its own step until the editor picks another. */
const OPS: Ops = {
  options: { add: (f, stepId) => addOption(f, stepId, stepId), remove: removeOption, update: updateOption },
  capture: { add: addField, remove: removeField, update: updateField },
};

const text = t.editor.step;
/** Each list's legend, the legend and remove button's name of its item n (from 1), its add button. */
const WORDS = {
  options: { legend: text.options, item: text.option, remove: text.removeOption, add: text.addOption },
  capture: { legend: text.capture, item: text.field, remove: text.removeField, add: text.addField },
};
/** The class of each item's fieldset. */
const ITEM_CLASS = { options: 'option-row', capture: 'capture-row' };

/** One item's controls: by key, their id and issues; a patch of the item; both bound to the item. */
type ItemControls<T extends object> = {
  field: ReturnType<typeof controlsOf>;
  set: (patch: Partial<T>) => void;
  bind: ReturnType<typeof boundTo<T>>;
};

type Props<K extends keyof Items> = {
  step: Step;
  /** Which list: its DOM id is the step's control for it, where issues about the list as a whole show. */
  list: K;
  edit: EditFlow;
  issues: IssueIndex;
  children: (item: Items[K], controls: ItemControls<Items[K]>) => ReactNode;
};

/** A list of a step (its options, its captured fields): each item's controls with a remove button, then an add button. */
export function StepItemList<K extends keyof Items>({ step, list, edit, issues, children }: Props<K>) {
  const lists: Lists = step;
  const items: readonly Items[K][] = lists[list];
  const ops: Ops[K] = OPS[list];
  const words = WORDS[list];
  const controls = (item: Items[K], k: number): ItemControls<Items[K]> => {
    const field = controlsOf(issues, step.id, `${list}[${k}].`);
    const set = (patch: Partial<Items[K]>) => edit((f) => ops.update(f, step.id, k, patch));
    return { field, set, bind: boundTo(field, item, set) };
  };
  return (
    <fieldset id={controlId(step.id, list)}>
      <legend>{words.legend}</legend>
      {items.map((item, k) => (
        <fieldset key={k} className={ITEM_CLASS[list]}>
          <legend>{words.item(k + 1)}</legend>
          {children(item, controls(item, k))}
          <button
            type="button"
            aria-label={words.remove(k + 1)}
            onClick={() => edit((f) => ops.remove(f, step.id, k))}
          >
            {text.removeItem}
          </button>
        </fieldset>
      ))}
      <button type="button" onClick={() => edit((f) => ops.add(f, step.id))}>
        {words.add}
      </button>
    </fieldset>
  );
}
