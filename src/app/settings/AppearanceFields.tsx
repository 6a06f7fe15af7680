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
  return (
    <fieldset>
      <legend>{labels.legend}</legend>
      <ChoiceGroup
        legend={labels.theme}
        name="theme"
        value={value.theme}
        options={THEMES.map((v) => ({ value: v, label: labels.themes[v] }))}
        onChange={(theme) => onChange({ ...value, theme })}
      />
      <ChoiceGroup
        legend={labels.fontSize}
        name="fontSize"
        value={value.fontSize}
        options={SIZES.map((v) => ({ value: v, label: labels.fontSizes[v] }))}
        onChange={(fontSize) => onChange({ ...value, fontSize })}
      />
    </fieldset>
  );
}
