import type { ReactNode } from 'react';
import { t } from '../i18n';

type Props<T> = {
  /** The list's DOM id: issues about the list as a whole are shown against it. */
  id: string;
  legend: string;
  items: readonly T[];
  /** The class of each item's fieldset. */
  itemClass: string;
  /** Legend and remove button's name of the item at position n (from 1). */
  itemLegend: (n: number) => string;
  removeLabel: (n: number) => string;
  onRemove: (index: number) => void;
  addLabel: string;
  onAdd: () => void;
  children: (item: T, index: number) => ReactNode;
};

/** A list of a step (its options, its captured fields): each item's controls with a remove button, then an add button. */
export function StepItemList<T>(props: Props<T>) {
  const { id, legend, items, itemClass, itemLegend, removeLabel, onRemove, addLabel, onAdd, children } =
    props;
  return (
    <fieldset id={id}>
      <legend>{legend}</legend>
      {items.map((item, k) => (
        <fieldset key={k} className={itemClass}>
          <legend>{itemLegend(k + 1)}</legend>
          {children(item, k)}
          <button type="button" aria-label={removeLabel(k + 1)} onClick={() => onRemove(k)}>
            {t.editor.step.removeItem}
          </button>
        </fieldset>
      ))}
      <button type="button" onClick={onAdd}>
        {addLabel}
      </button>
    </fieldset>
  );
}
