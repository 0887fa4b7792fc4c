/** Display formatting shared by the views. */

const SIZE_UNITS = ['bytes', 'kB', 'MB', 'GB', 'TB', 'PB'];

/** SI units, as file managers and download pages show sizes. */
export function humanSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const exponent = Math.min(Math.floor(Math.log10(bytes) / 3), SIZE_UNITS.length - 1);
  const value = bytes / 1000 ** exponent;
  return `${value.toLocaleString('en', { maximumFractionDigits: value < 10 ? 2 : 1 })} ${SIZE_UNITS[exponent]}`;
}

/** Six significant digits at most, no grouping: seeds and step counts must read as written. */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
}

export function formatScalar(value: string | number | boolean): string {
  return typeof value === 'number' ? formatNumber(value) : String(value);
}

// One formatter for all pages: creating one per call costs more than the page.
const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export function formatDate(date: string): string {
  const parsed = new Date(date.length === 10 ? `${date}T00:00:00Z` : date);
  const day = dayFormat.format(parsed);
  return date.length === 10 ? day : `${day}, ${parsed.toISOString().slice(11, 16)} UTC`;
}

export function formatDuration(start: string, end: string): string {
  const minutes = Math.round((Date.parse(end) - Date.parse(start)) / 60000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h ${minutes % 60} min` : `${Math.round(hours / 24)} days`;
}
