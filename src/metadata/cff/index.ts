/**
 * CITATION.cff (Citation File Format 1.2.0) of a software record: the file
 * GitHub's "Cite this repository", Zenodo's GitHub releases and cffconvert
 * read, so the code can carry the citation the catalog gives it.
 */
import { stringify } from 'yaml';
import type { CatalogRecord } from '../../catalog/load.ts';
import type { ResolvedAgent } from '../common/agents.ts';
import { creatorsOf, descriptionOf, licenseOf, publicationDate, type PublishedRecord } from '../common/record-facts.ts';
import type { MetadataContext } from '../context.ts';
import type { Serializer } from '../types.ts';

type CffAuthor =
  | { 'family-names': string; 'given-names'?: string; orcid?: string; affiliation?: string; email?: string }
  | { name: string; orcid?: string; website?: string; email?: string };

export interface CitationCff {
  'cff-version': '1.2.0';
  message: string;
  type: 'software';
  title: string;
  authors: CffAuthor[];
  abstract?: string;
  version?: string;
  commit?: string;
  doi?: string;
  'date-released'?: string;
  license?: string;
  'repository-code': string;
  url: string;
  keywords?: string[];
}

/** A person is split into family and given names only where their record splits them, as for CSL; anyone else is an entity. */
function cffAuthor(agent: ResolvedAgent): CffAuthor {
  if (agent.kind === 'person' && agent.familyName) {
    return withoutUndefined({ 'family-names': agent.familyName, 'given-names': agent.givenName, orcid: agent.orcid, affiliation: agent.affiliations[0]?.name, email: agent.email });
  }
  return withoutUndefined({ name: agent.name, website: agent.url, email: agent.email });
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

export function citationCff(record: CatalogRecord<'software'>, context: MetadataContext): CitationCff {
  const { data } = record;
  const description = descriptionOf(record);
  return withoutUndefined<CitationCff>({
    'cff-version': '1.2.0',
    message: 'If you use this software, please cite it using the metadata from this file.',
    type: 'software',
    title: data.title,
    authors: creatorsOf(record, context).map(cffAuthor),
    abstract: description === data.title ? undefined : description,
    version: data.version,
    commit: data.commit,
    doi: data.doi,
    'date-released': publicationDate(record)?.slice(0, 10),
    license: licenseOf(record, context).id,
    'repository-code': data.repository,
    url: context.landingUrl(record),
    keywords: data.keywords?.length ? data.keywords : undefined,
  });
}

export const citationCffSerializer: Serializer<CitationCff> = {
  id: 'citation-cff',
  label: 'CITATION.cff',
  fileName: 'CITATION.cff',
  // CFF registers no media type; it is YAML.
  mediaType: 'application/yaml',
  profile: 'https://citation-file-format.github.io/1.2.0/schema',
  appliesTo: (record: PublishedRecord) => record.type === 'software',
  build: (record, context) => citationCff(record as CatalogRecord<'software'>, context),
  render: (cff) => stringify(cff, { lineWidth: 0 }),
};
