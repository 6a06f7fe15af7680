// Sample organisation: Ministry of Sport of the Murmansk region, from the public contact facts in seed 000.
// Department structure beyond the seed and every colleague below are illustrative, not real people.
import type { Organisation } from '../organisation';

// Seed 000 §2.4.1 and §2.5.3 give one public number (written both as 48-78-91 and 487-891) and no
// extensions, so the department extensions below are plausible placeholders on that number.
const MAIN_PHONE = '8 (8152) 48-78-91';
const ext = (n: number): string => `${MAIN_PHONE}, доб. ${n}`;

// The seed gives no schedule: this is the usual regional government day, an assumption to be checked
// against the ministry's site before real use.
const WORKDAY = { start: '09:00', end: '17:00', breakStart: '13:00', breakEnd: '14:00' };

export const murmanskSport: Organisation = {
  id: 'murmansk-sport',
  fullName: 'Министерство спорта Мурманской области',
  shortName: 'Минспорт Мурманской области',
  // Murmansk keeps Moscow time.
  timeZone: 'Europe/Moscow',
  phone: MAIN_PHONE,
  email: 'sport@gov-murman.ru',
  website: 'https://sport.gov-murman.ru/',
  // The seed names the city only; the street address is read from the site's contacts page.
  address: 'г. Мурманск',
  workingHours: { 1: WORKDAY, 2: WORKDAY, 3: WORKDAY, 4: WORKDAY, 5: WORKDAY },
  // Only the legal and HR sector is named in the seed (§2.4.1); the other units are assumed from the
  // ministry's directions of activity (state services, support measures, information, internal clients).
  // All colleague names are fictional.
  departments: [
    {
      id: 'org-info',
      name: 'Отдел организационной работы и информационного обеспечения',
      phone: ext(101),
      topics: [
        'contacts',
        'schedule',
        'appeals',
        'appeal-deadlines',
        'appeal-status',
        'redirect',
        'reception',
        'accessibility',
        'feedback',
        'social-networks',
        'digital-services',
        'internal-documents',
        'internal-it',
        'internal-admin',
      ],
      colleagues: [
        {
          id: 'mu-morozova',
          fullName: 'Морозова Ольга Викторовна',
          position: 'начальник отдела',
          phone: ext(101),
          topics: ['appeals', 'reception', 'complaints', 'feedback'],
        },
        {
          id: 'mu-lapin',
          fullName: 'Лапин Денис Андреевич',
          position: 'консультант по информационному обеспечению',
          phone: ext(104),
          topics: ['social-networks', 'digital-services', 'internal-it'],
        },
        {
          id: 'mu-semyonova',
          fullName: 'Семёнова Ирина Павловна',
          position: 'главный специалист по делопроизводству',
          phone: ext(102),
          topics: ['appeal-status', 'redirect', 'internal-documents', 'internal-admin'],
        },
      ],
    },
    {
      id: 'sport-training',
      name: 'Отдел спортивной подготовки и спортивного резерва',
      phone: ext(201),
      topics: ['sport-titles', 'sport-youth', 'state-services'],
      colleagues: [
        {
          id: 'mu-kovalenko',
          fullName: 'Коваленко Артём Сергеевич',
          position: 'начальник отдела',
          phone: ext(201),
          topics: ['sport-youth', 'state-services'],
        },
        {
          id: 'mu-belova',
          fullName: 'Белова Наталья Юрьевна',
          position: 'ведущий специалист по присвоению разрядов и судейских категорий',
          phone: ext(203),
          topics: ['sport-titles', 'state-services'],
        },
      ],
    },
    {
      id: 'mass-sport',
      name: 'Отдел физкультурно-массовой и спортивной работы',
      phone: ext(301),
      topics: ['sport-events', 'sport-facilities'],
      colleagues: [
        {
          id: 'mu-nikitin',
          fullName: 'Никитин Павел Олегович',
          position: 'консультант по спортивным мероприятиям',
          phone: ext(302),
          topics: ['sport-events'],
        },
        {
          id: 'mu-gromova',
          fullName: 'Громова Елена Николаевна',
          position: 'главный специалист по спортивным объектам',
          phone: ext(303),
          topics: ['sport-facilities'],
        },
      ],
    },
    {
      id: 'state-support',
      name: 'Отдел государственной поддержки физкультурно-спортивных организаций',
      phone: ext(401),
      topics: ['support-measures', 'sport-grants'],
      colleagues: [
        {
          id: 'mu-tarasova',
          fullName: 'Тарасова Марина Игоревна',
          position: 'начальник отдела',
          phone: ext(401),
          topics: ['support-measures', 'sport-grants'],
        },
        {
          id: 'mu-orlov',
          fullName: 'Орлов Кирилл Вадимович',
          position: 'ведущий специалист по субсидиям',
          phone: ext(402),
          topics: ['sport-grants'],
        },
      ],
    },
    {
      id: 'legal-hr',
      name: 'Сектор правового и кадрового обеспечения',
      phone: ext(501),
      topics: ['internal-hr', 'personal-data', 'complaints'],
      colleagues: [
        {
          id: 'mu-sokolova',
          fullName: 'Соколова Анна Дмитриевна',
          position: 'главный специалист по кадровой работе',
          phone: ext(502),
          topics: ['internal-hr'],
        },
        {
          id: 'mu-zaitsev',
          fullName: 'Зайцев Михаил Александрович',
          position: 'консультант по правовым вопросам',
          phone: ext(501),
          topics: ['personal-data', 'complaints'],
        },
      ],
    },
    {
      id: 'accounting',
      name: 'Отдел бухгалтерского учёта и отчётности',
      phone: ext(601),
      topics: ['internal-accounting'],
      colleagues: [
        {
          id: 'mu-fedorova',
          fullName: 'Фёдорова Светлана Григорьевна',
          position: 'главный бухгалтер',
          phone: ext(601),
          topics: ['internal-accounting'],
        },
      ],
    },
  ],
};
