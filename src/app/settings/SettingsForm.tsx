import type { ReactNode } from 'react';
import { t } from '../../i18n';

type Props = {
  label: string;
  saveLabel: string;
  /** The save button is off until the fields are valid. */
  valid: boolean;
  /** Says "saved" (announced) until the fields change again. */
  saved: boolean;
  onSave: () => void;
  children: ReactNode;
};

/** One part of the settings, saved on its own: its fields, the save button and whether it was saved. */
export function SettingsForm({ label, saveLabel, valid, saved, onSave, children }: Props) {
  return (
    <form
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) onSave();
      }}
    >
      {children}
      <button type="submit" disabled={!valid}>
        {saveLabel}
      </button>
      <span role="status" className="save-status">
        {saved ? t.setup.settings.saved : ''}
      </span>
    </form>
  );
}
