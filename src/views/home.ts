/** The home page: what the catalog holds and what is new. */
import { newestFirst } from '../metadata/feed/index.ts';
import { publicationDate } from '../metadata/common/record-facts.ts';
import { publishedTypes, recordTypes } from '../schema/index.ts';
import type { Site } from '../site/site.ts';
import { landingPath, listingPath } from '../catalog/urls.ts';

const LATEST = 8;

export function homePage(site: Site) {
  const counts = publishedTypes.map((type) => ({
    label: recordTypes[type].plural,
    href: listingPath(type),
    count: site.published.filter((record) => record.type === type).length,
  }));
  const latest = newestFirst(site.published)
    .slice(0, LATEST)
    .map((record) => ({ title: record.data.title, href: landingPath(record.type, record.id), type: record.type, typeLabel: recordTypes[record.type].label, date: publicationDate(record) }));
  return { title: site.settings.title, description: site.settings.description, counts, latest };
}
