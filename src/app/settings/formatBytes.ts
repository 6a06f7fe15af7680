import { t } from '../../i18n';

const UNITS = ['bytes', 'kb', 'mb', 'gb'] as const;

export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toLocaleString('ru-RU', { maximumFractionDigits: digits })} ${t.setup.units[UNITS[unit] ?? 'bytes']}`;
}
