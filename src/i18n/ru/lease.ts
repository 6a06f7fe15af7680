// Russian texts of one call per operator across devices (issue 17), read by a lazy chunk of the
// operator's workspace shown only when another device holds the operator's calls.
export const lease = {
  elsewhere:
    'Ваши звонки сейчас ведутся на другом устройстве. Здесь звонки только для просмотра: начать или продолжить звонок нельзя, база знаний доступна.',
  lost: 'Ваши звонки перехватили на другом устройстве. Здесь звонки больше не ведутся; всё, что здесь записано, сохранено и отправляется на сервер.',
  takeOver: 'Перехватить',
  takeOverLabel: 'Перехватить звонки на это устройство',
  takingOver: 'Перехватываем звонки…',
  failed: 'Не удалось перехватить: нет связи с сервером. Попробуйте ещё раз, когда связь появится.',
};
