import { useState, type FormEvent } from 'react';
import type { Organisation, OperatorProfile } from '../calls/organisation';
import { ChoiceGroup } from '../ui/ChoiceGroup';
import { t } from '../i18n';
import { SAMPLE_ORGANISATIONS } from '../calls/samples';
import { EMPTY_OPERATOR, isOperatorComplete, OperatorProfileFields } from './settings/OperatorProfileFields';

interface Props {
  onDone: (operator: OperatorProfile, organisation: Organisation) => Promise<void>;
  /** Who signed in to the server, if anyone: their organisation and name fill the form. */
  signedIn?: { person: OperatorProfile; organisationId: string } | null;
}

/** The profile fields of the server's account (not its id, login or roles). */
function operatorOf(person: OperatorProfile): OperatorProfile {
  const { surname, firstName, patronymic, position, department } = person;
  return { surname, firstName, patronymic, position, department };
}

/**
 * The first run asks which organisation the line serves and who the operator is. Signed in to the
 * server, the answers come from the account (still editable): nobody types their name twice.
 */
export function FirstRun({ onDone, signedIn = null }: Props) {
  const own = SAMPLE_ORGANISATIONS.find((o) => o.id === signedIn?.organisationId);
  const [orgId, setOrgId] = useState((own ?? SAMPLE_ORGANISATIONS[0])?.id ?? '');
  const [operator, setOperator] = useState<OperatorProfile>(() =>
    signedIn ? operatorOf(signedIn.person) : EMPTY_OPERATOR,
  );
  const [tried, setTried] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    const org = SAMPLE_ORGANISATIONS.find((o) => o.id === orgId);
    if (!org || !isOperatorComplete(operator)) return;
    await onDone(operator, structuredClone(org));
  }

  return (
    <main id="main" className="first-run">
      <h1>{t.setup.firstRun.title}</h1>
      <p>{t.setup.firstRun.intro}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <ChoiceGroup
          legend={t.setup.firstRun.organisation}
          name="organisation"
          value={orgId}
          options={SAMPLE_ORGANISATIONS.map((o) => ({
            value: o.id,
            label: o.shortName,
            description: o.fullName,
          }))}
          onChange={setOrgId}
        />
        <OperatorProfileFields value={operator} onChange={setOperator} />
        {tried && !isOperatorComplete(operator) && (
          <p className="field-error" role="alert">
            {t.setup.firstRun.required}
          </p>
        )}
        <button type="submit">{t.setup.firstRun.start}</button>
      </form>
    </main>
  );
}
