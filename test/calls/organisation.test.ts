import { describe, expect, it } from 'vitest';
import { isTimeZone, restoreOrganisation } from '../../src/calls/organisation';
import { SAMPLE_ORGANISATIONS } from '../../src/calls/samples';

describe('sample organisations', () => {
  it('ship two ministries with contacts, hours and a transfer directory, and restore unchanged', () => {
    expect(SAMPLE_ORGANISATIONS.map((o) => o.id)).toEqual(['sverdlovsk-digital', 'murmansk-sport']);
    for (const org of SAMPLE_ORGANISATIONS) {
      expect(isTimeZone(org.timeZone)).toBe(true);
      expect(org.phone).not.toBe('');
      expect(org.email).toMatch(/@/);
      expect(org.website).toMatch(/^https:\/\//);
      expect(Object.keys(org.workingHours).length).toBeGreaterThanOrEqual(5);
      expect(org.departments.length).toBeGreaterThanOrEqual(4);
      expect(restoreOrganisation(structuredClone(org))).toEqual(org);
    }
  });

  it('drops an impossible working day rather than trusting it', () => {
    const org = restoreOrganisation({
      id: 'o',
      fullName: 'О',
      workingHours: {
        1: { start: '09:00', end: '18:00' },
        2: { start: '18:00', end: '09:00' },
        3: { start: '25:00' },
      },
    });
    expect(org?.workingHours).toEqual({ 1: { start: '09:00', end: '18:00' } });
  });
});
