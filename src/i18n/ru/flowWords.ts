// Russian names of flow stages and outcomes, shared by the operator's texts (flows.ts) and the flow
// checker's messages (flowIssues.ts).
export const STAGES: Record<string, string> = {
  greeting: 'приветствие',
  identification: 'уточнение личности клиента',
  needs: 'выяснение потребности',
  understanding: 'подтверждение понимания',
  resolution: 'решение вопроса',
  purpose: 'цель звонка',
  status: 'положение на клиентском пути',
  questions: 'ответы на вопросы',
  farewell: 'прощание',
};

export const OUTCOMES: Record<string, string> = {
  resolved: 'вопрос решён',
  byDate: 'будет решён к сроку',
  noDate: 'решаем без точного срока',
  impossible: 'не может быть решён',
  redirected: 'перенаправлен в другой орган',
  callback: 'обещан обратный звонок',
};

export const label = (dict: Record<string, string>, value: string): string => dict[value] ?? value;
