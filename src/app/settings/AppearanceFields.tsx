import type { Appearance, FontSize, Theme } from '../../db';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { t } from '../../i18n';

interface Props {
  value: Appearance;
  onChange: (value: Appearance) => void;
}

const THEMES: Theme[] = ['light', 'dark', 'contrast'];
const SIZES: FontSize[] = ['normal', 'large', 'larger'];

export function AppearanceFields({ value, onChange }: Props) {
  const labels = t.setup.appearance;
  /** One setting as a radio group: its choices named from the catalogue. */
  const choice = <K extends keyof Appearance>(
    name: K,
    legend: string,
    choices: readonly Appearance[K][],
    names: Record<Appearance[K], string>,
  ) => (
    <ChoiceGroup
      legend={legend}
      name={name}
      value={value[name]}
      options={choices.map((v) => ({ value: v, label: names[v] }))}
      onChange={(v) => onChange({ ...value, [name]: v })}
    />
  );
  return (
    <fieldset>
      <legend>{labels.legend}</legend>
      {choice('theme', labels.theme, THEMES, labels.themes)}
      {choice('fontSize', labels.fontSize, SIZES, labels.fontSizes)}
    </fieldset>
  );
}
