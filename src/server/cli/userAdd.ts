// `npm run user:add -- …`: creates an account (by default the organisation's first administrator) in the
// database the server would use (DATABASE_URL or the embedded folder), creating the organisation if asked.
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { SAMPLE_ORGANISATIONS } from '../../calls/samples';
import {
  loginSchema,
  organisationIdSchema,
  organisationSchema,
  passwordSchema,
  ROLES,
  type OrganisationProfile,
  type Role,
} from '../../protocol';
import { hashPassword } from '../auth/passwords';
import { configFromEnv } from '../config';
import { server as messages } from '../../i18n/ru/server';
import { insertOrganisation, insertPerson, LoginTakenError, organisationExists } from '../storage/accounts';
import { appendAudit } from '../storage/audit';
import { openDatabase } from '../storage/database';
import { migrate } from '../storage/migrate';

const say = (line: string) => process.stdout.write(`${line}\n`);

async function readPassword(): Promise<string> {
  const fromEnv = process.env.SUFLER_PASSWORD;
  if (fromEnv) return fromEnv;
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  try {
    return await rl.question(messages.console.userAddPassword);
  } finally {
    rl.close();
  }
}

function newOrganisation(
  id: string,
  fullName: string,
  shortName: string,
  timeZone: string,
): OrganisationProfile {
  return {
    id,
    fullName,
    shortName,
    timeZone,
    phone: '',
    email: '',
    website: '',
    address: '',
    workingHours: {},
    departments: [],
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      organisation: { type: 'string' },
      login: { type: 'string' },
      surname: { type: 'string' },
      'first-name': { type: 'string' },
      patronymic: { type: 'string', default: '' },
      position: { type: 'string', default: '' },
      roles: { type: 'string', default: 'administrator' },
      'organisation-name': { type: 'string' },
      'short-name': { type: 'string' },
      'time-zone': { type: 'string' },
    },
  });
  const roles = values.roles.split(',').map((r) => r.trim());
  const login = loginSchema.safeParse(values.login);
  const orgId = organisationIdSchema.safeParse(values.organisation);
  if (
    !login.success ||
    !orgId.success ||
    !values.surname ||
    !values['first-name'] ||
    !roles.every((r) => ROLES.includes(r as Role))
  ) {
    say(messages.console.userAddUsage);
    return 2;
  }
  const { config } = configFromEnv(process.env, process.cwd());
  const database = await openDatabase(config.database);
  try {
    await migrate(database.db);
    if (!(await organisationExists(database.db, orgId.data))) {
      const sample = SAMPLE_ORGANISATIONS.find((o) => o.id === orgId.data);
      const full = values['organisation-name'];
      const short = values['short-name'];
      const zone = values['time-zone'];
      if (sample) await insertOrganisation(database.db, organisationSchema.parse(sample));
      else if (full && short && zone)
        await insertOrganisation(database.db, newOrganisation(orgId.data, full, short, zone));
      else {
        say(messages.console.userAddNoOrganisation(orgId.data));
        return 2;
      }
    }
    const password = passwordSchema.safeParse(await readPassword());
    if (!password.success) {
      say(messages.console.userAddBadPassword);
      return 2;
    }
    const id = randomUUID();
    await insertPerson(database.db, {
      id,
      organisationId: orgId.data,
      login: login.data,
      surname: values.surname,
      firstName: values['first-name'],
      patronymic: values.patronymic,
      position: values.position,
      department: '',
      passwordHash: await hashPassword(password.data, config.passwordHashing),
      // Checked against ROLES above.
      roles: roles as Role[],
    });
    await appendAudit(database.db, {
      organisationId: orgId.data,
      actorPersonId: null,
      action: 'person_added',
      targetPersonId: id,
      details: { roles, via: 'cli' },
      at: new Date(),
    });
    say(messages.console.userAddDone(login.data, orgId.data));
    return 0;
  } catch (e) {
    say(
      e instanceof LoginTakenError
        ? messages.console.userAddLoginTaken
        : messages.console.userAddFailed(e instanceof Error ? e.message : String(e)),
    );
    return 1;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
