/** A record's change history as the landing page lists it. */
import type { AnyRecord } from '../catalog/load.ts';
import { commitUrl } from '../publishing/git-history.ts';
import type { Site } from '../site/site.ts';
import { formatDate } from './format.ts';

export type HistoryView =
  | { available: true; entries: { date: string; author: string; message: string; href?: string }[] }
  | { available: false; reason: string };

export function historyOf(record: AnyRecord, site: Site): HistoryView {
  if (!site.history.available) return site.history;
  const repository = site.settings.repository;
  return {
    available: true,
    entries: site.history.forFile(record.path).map((entry) => ({
      date: formatDate(entry.date.slice(0, 10)),
      author: entry.author,
      message: entry.message,
      href: repository && commitUrl(repository, entry.commit),
    })),
  };
}
