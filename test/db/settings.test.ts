import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { AppDB } from '../../src/db/db';
import { completeSetup, isSetupComplete, loadSettings, saveSetting } from '../../src/db/settingsRepository';
import { SAMPLE_ORGANISATIONS } from '../../src/calls/samples';

const operator = {
  surname: 'Иванова',
  firstName: 'Мария',
  patronymic: 'Петровна',
  position: 'специалист',
  department: '',
};
let db: AppDB;
let n = 0;

afterEach(async () => {
  await db.delete();
});

function freshDb() {
  db = new AppDB(`settings-test-${++n}`);
  return db;
}

describe('settings repository', () => {
  it('starts empty, with the default appearance, and not set up', async () => {
    const s = await loadSettings(freshDb());
    expect(s.operator).toBeNull();
    expect(s.organisation).toBeNull();
    expect(s.appearance).toEqual({ theme: 'light', fontSize: 'normal' });
    expect(isSetupComplete(s)).toBe(false);
  });

  it('keeps the first run, the profiles and the appearance across a reopen', async () => {
    const org = SAMPLE_ORGANISATIONS[1];
    if (!org) throw new Error('no sample organisation');
    await completeSetup(freshDb(), operator, org);
    await saveSetting(db, 'appearance', { theme: 'contrast', fontSize: 'larger' });
    db.close();
    await db.open();
    const s = await loadSettings(db);
    expect(isSetupComplete(s)).toBe(true);
    expect(s.operator).toEqual(operator);
    expect(s.organisation).toEqual(org);
    expect(s.appearance).toEqual({ theme: 'contrast', fontSize: 'larger' });
  });

  it('survives damaged rows: unknown theme, a broken organisation, a profile without a name', async () => {
    freshDb();
    await db.settings.bulkPut([
      { key: 'appearance', value: { theme: 'neon', fontSize: 'larger' } },
      {
        key: 'organisation',
        value: { id: 'x', fullName: 'Министерство', departments: 'oops', timeZone: 'Mars/Base' },
      },
      { key: 'operator', value: { surname: 42 } },
    ]);
    const s = await loadSettings(db);
    expect(s.appearance).toEqual({ theme: 'light', fontSize: 'larger' });
    expect(s.organisation).toMatchObject({
      id: 'x',
      fullName: 'Министерство',
      departments: [],
      timeZone: 'Europe/Moscow',
    });
    expect(s.operator).toBeNull();
    expect(isSetupComplete(s)).toBe(false);
  });
});
