// Sample organisation: Ministry of Digital Development and Communications of the Sverdlovsk region, from the
// public contact facts in seed 002. Departments beyond the one the seed names, and every colleague, are illustrative.
import type { DaySchedule, Organisation } from '../organisation';

// Seed 002 §8.4 and §8.5.2 give one public number (the minister's reception) and no extensions, so the
// department extensions below are plausible placeholders on that number.
const MAIN_PHONE = '+7 (343) 312-00-50';
const ext = (n: number): string => `${MAIN_PHONE}, доб. ${n}`;

// The seed only says "in working hours" (§8.4). These are the usual Sverdlovsk regional government hours —
// an assumption to be checked against https://digital.midural.ru/ before real use.
const LUNCH = { breakStart: '13:00', breakEnd: '13:48' };
const MON_THU = { start: '09:00', end: '18:00', ...LUNCH } satisfies DaySchedule;
const FRIDAY = { start: '09:00', end: '16:45', ...LUNCH } satisfies DaySchedule;

export const sverdlovskDigital: Organisation = {
  id: 'sverdlovsk-digital',
  fullName: 'Министерство цифрового развития и связи Свердловской области',
  shortName: 'Минцифры Свердловской области',
  timeZone: 'Asia/Yekaterinburg',
  phone: MAIN_PHONE,
  email: 'digital@egov66.ru',
  website: 'https://digital.midural.ru/',
  // §8.3.1 and §14: the building; the minister's reception is room 708.
  address: 'г. Екатеринбург, ул. Московская, 11',
  workingHours: { 1: MON_THU, 2: MON_THU, 3: MON_THU, 4: MON_THU, 5: FRIDAY },
  // Only the civil service, legal and document support department and the minister's reception (room 708)
  // are named in the seed (§2, §8.3.1, §8.3.2). The other units are assumed from the directions of activity
  // the seed lists for the site (§8.1.1: IT and communications, digital economy, e-government, electronic
  // state services, digital TV) plus the usual finance unit. All colleague names are fictional.
  departments: [
    {
      id: 'reception',
      name: 'Приёмная министра',
      phone: MAIN_PHONE,
      topics: ['reception', 'contacts', 'schedule', 'accessibility', 'social-networks', 'feedback'],
      colleagues: [
        {
          id: 'sv-kovaleva',
          fullName: 'Ковалёва Марина Сергеевна',
          position: 'помощник министра',
          phone: MAIN_PHONE,
          topics: ['reception', 'schedule', 'accessibility'],
        },
        {
          id: 'sv-belov',
          fullName: 'Белов Артём Игоревич',
          position: 'пресс-секретарь министра',
          phone: ext(710),
          topics: ['social-networks', 'feedback', 'contacts'],
        },
      ],
    },
    {
      id: 'civil-service-legal',
      name: 'Отдел государственной службы, правового и документационного обеспечения',
      phone: ext(201),
      topics: [
        'appeals',
        'appeal-deadlines',
        'appeal-status',
        'redirect',
        'complaints',
        'personal-data',
        'feedback',
        'internal-hr',
        'internal-documents',
        'internal-admin',
      ],
      colleagues: [
        {
          id: 'sv-gorbunova',
          fullName: 'Горбунова Елена Викторовна',
          position: 'начальник отдела',
          phone: ext(201),
          topics: ['complaints', 'redirect', 'personal-data'],
        },
        {
          id: 'sv-shilov',
          fullName: 'Шилов Павел Андреевич',
          position: 'главный специалист по работе с обращениями граждан',
          phone: ext(205),
          topics: ['appeals', 'appeal-deadlines', 'appeal-status', 'redirect'],
        },
        {
          id: 'sv-zueva',
          fullName: 'Зуева Анна Олеговна',
          position: 'ведущий специалист по кадрам',
          phone: ext(208),
          topics: ['internal-hr', 'internal-documents'],
        },
      ],
    },
    {
      id: 'communications',
      name: 'Отдел развития инфраструктуры связи',
      phone: ext(301),
      topics: ['communications'],
      colleagues: [
        {
          id: 'sv-tarasov',
          fullName: 'Тарасов Игорь Николаевич',
          position: 'начальник отдела',
          phone: ext(301),
          topics: ['communications'],
        },
        {
          id: 'sv-lysenko',
          fullName: 'Лысенко Дарья Михайловна',
          position: 'главный специалист',
          phone: ext(304),
          topics: ['communications'],
        },
      ],
    },
    {
      id: 'e-government',
      name: 'Отдел развития электронного правительства и государственных услуг',
      phone: ext(401),
      topics: ['digital-services', 'state-services'],
      colleagues: [
        {
          id: 'sv-nikitina',
          fullName: 'Никитина Светлана Юрьевна',
          position: 'заместитель начальника отдела',
          phone: ext(402),
          topics: ['digital-services', 'state-services'],
        },
      ],
    },
    {
      id: 'digital-economy-it',
      name: 'Отдел цифровой экономики и информационных технологий',
      phone: ext(501),
      topics: ['it-projects', 'support-measures', 'internal-it'],
      colleagues: [
        {
          id: 'sv-volkov',
          fullName: 'Волков Максим Евгеньевич',
          position: 'начальник отдела',
          phone: ext(501),
          topics: ['it-projects', 'support-measures'],
        },
        {
          id: 'sv-sokolov',
          fullName: 'Соколов Кирилл Дмитриевич',
          position: 'консультант, ИТ-поддержка сотрудников',
          phone: ext(509),
          topics: ['internal-it'],
        },
      ],
    },
    {
      id: 'finance',
      name: 'Отдел бухгалтерского учёта и финансового обеспечения',
      phone: ext(601),
      topics: ['internal-accounting', 'internal-admin'],
      colleagues: [
        {
          id: 'sv-romanova',
          fullName: 'Романова Татьяна Петровна',
          position: 'главный бухгалтер',
          phone: ext(601),
          topics: ['internal-accounting'],
        },
      ],
    },
  ],
};
