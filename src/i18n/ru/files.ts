// Russian texts for files the user loads (flows, workstation calls): why a file was refused.
import type { FileProblem } from '../../services/readTextFile';

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} МБ`;

export const files = {
  problem: (problem: FileProblem, name: string, maxBytes: number): string => {
    const what = `Файл «${name}» не загружен: `;
    switch (problem) {
      case 'tooBig':
        return `${what}он больше ${megabytes(maxBytes)}. Проверьте, тот ли это файл.`;
      case 'utf16':
        return `${what}он сохранён в кодировке UTF-16. Сохраните его в кодировке UTF-8 и загрузите снова.`;
      case 'binary':
        return `${what}это не текстовый файл (или текст не в кодировке UTF-8).`;
      case 'notUtf8':
        return `${what}текст не в кодировке UTF-8 (возможно, windows-1251). Сохраните его в UTF-8 и загрузите снова.`;
      case 'unreadable':
        return `${what}браузер не смог его прочитать. Ничего не изменено.`;
    }
  },
};
