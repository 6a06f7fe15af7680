// Russian texts for files read as text (flows, articles, workstation calls): why a file was refused. The
// reasons are shared by files picked in the browser and files read from disk by the command-line tools.
import type { DiskProblem, FileProblem } from '../../services/readTextFile';

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} МБ`;

/** Why a file is not read: the same words for a picked file, flows:check, kb:check and the build. */
export function reason(problem: DiskProblem, maxBytes: number): string {
  switch (problem) {
    case 'tooBig':
      return `он больше ${megabytes(maxBytes)}. Проверьте, тот ли это файл.`;
    case 'utf16':
      return 'он сохранён в кодировке UTF-16. Сохраните его в кодировке UTF-8.';
    case 'binary':
      return 'это не текстовый файл (или текст не в кодировке UTF-8).';
    case 'notUtf8':
      return 'текст не в кодировке UTF-8 (возможно, windows-1251). Сохраните файл в кодировке UTF-8.';
    case 'unreadable':
      return 'файла нет или его не удалось прочитать (нет доступа, ссылка ведёт в никуда или по кругу).';
    case 'notAFile':
      return 'это не файл, а папка или устройство.';
  }
}

export const files = {
  problem: (problem: FileProblem, name: string, maxBytes: number): string => {
    const what = `Файл «${name}» не загружен: `;
    // In the browser a file that cannot be read has moved or lost its permission since it was picked.
    if (problem === 'unreadable') return `${what}браузер не смог его прочитать. Ничего не изменено.`;
    const then = problem === 'tooBig' ? '' : ' Затем загрузите его снова.';
    return `${what}${reason(problem, maxBytes)}${then}`;
  },
};
