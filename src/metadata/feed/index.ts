/** Atom feed of the newest published records, for readers and aggregators. */
import { create } from 'xmlbuilder2';
import type { MetadataContext } from '../context.ts';
import { creatorsOf, descriptionOf, publicationDate, type PublishedRecord } from '../common/record-facts.ts';

export const FEED_FILE = 'feed.xml';
const FEED_LENGTH = 50;

export function newestFirst(records: readonly PublishedRecord[]): PublishedRecord[] {
  return [...records].sort((a, b) => (publicationDate(b) ?? '').localeCompare(publicationDate(a) ?? '') || a.id.localeCompare(b.id));
}

function atomDate(date: string | undefined): string {
  return date ? (date.length === 10 ? `${date}T00:00:00Z` : date) : '1970-01-01T00:00:00Z';
}

export function atomFeed(records: readonly PublishedRecord[], context: MetadataContext): string {
  const entries = newestFirst(records).slice(0, FEED_LENGTH);
  const feed = create({ version: '1.0', encoding: 'UTF-8' }).ele('http://www.w3.org/2005/Atom', 'feed');
  feed.ele('title').txt(context.settings.title);
  feed.ele('subtitle').txt(context.settings.description);
  feed.ele('id').txt(context.url('/'));
  feed.ele('link', { rel: 'self', href: context.url(FEED_FILE), type: 'application/atom+xml' });
  feed.ele('link', { rel: 'alternate', href: context.url('/'), type: 'text/html' });
  feed.ele('updated').txt(atomDate(entries[0] && publicationDate(entries[0])));
  for (const record of entries) {
    const entry = feed.ele('entry');
    entry.ele('title').txt(record.data.title);
    entry.ele('id').txt(context.landingUrl(record));
    entry.ele('link', { rel: 'alternate', href: context.landingUrl(record), type: 'text/html' });
    entry.ele('updated').txt(atomDate(record.data.dateModified ?? publicationDate(record)));
    entry.ele('category', { term: record.type });
    for (const creator of creatorsOf(record, context)) entry.ele('author').ele('name').txt(creator.name);
    entry.ele('summary').txt(descriptionOf(record));
  }
  return feed.end({ prettyPrint: true });
}
