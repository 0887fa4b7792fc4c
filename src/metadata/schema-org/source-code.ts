/**
 * A software record as CodeMeta describes code: schema.org's
 * SoftwareSourceCode terms, and CodeMeta 3's own terms (which schema.org
 * lacks) written as full IRIs of https://codemeta.github.io/terms/, so they
 * expand unchanged without the CodeMeta context.
 */
import type { CatalogRecord } from '../../catalog/load.ts';
import { commitUrl } from '../../publishing/git-history.ts';
import { creatorsOf } from '../common/record-facts.ts';
import type { MetadataContext } from '../context.ts';
import { vocabulary } from '../../schema/vocabularies.ts';
import { citableProperties, mergeProperties, type Properties } from './citable.ts';
import { node, ref } from './jsonld.ts';
import { externalUrl } from './references.ts';

export const CODEMETA_TERMS = 'https://codemeta.github.io/terms/';

type ResourceTypeGeneral = (typeof vocabulary.resourceTypeGeneral)[number];

/** Related identifiers of these DataCite types are publications, CodeMeta's referencePublication. */
const publicationTypes: ReadonlySet<ResourceTypeGeneral> = new Set<ResourceTypeGeneral>(['JournalArticle', 'Preprint', 'ConferencePaper', 'ConferenceProceeding', 'Book', 'BookChapter', 'Report', 'Dissertation', 'Text']);

export function sourceCodeProperties(record: CatalogRecord<'software'>, context: MetadataContext): Properties {
  const { data } = record;
  const publications = (data.relatedIdentifiers ?? []).filter((related) => related.resourceTypeGeneral && publicationTypes.has(related.resourceTypeGeneral));
  return mergeProperties(citableProperties(record, context), {
    // CodeMeta's crosswalks (CITATION.cff, Zenodo) read authors, schema.org's creator is kept for the rest.
    author: creatorsOf(record, context).map((agent) => ref(agent.pageUrl)),
    codeRepository: data.repository,
    programmingLanguage: data.programmingLanguages,
    softwareRequirements: data.runtimeRequirements,
    softwareHelp: data.documentation && node({ '@id': data.documentation, '@type': 'WebPage', url: data.documentation }),
    // schema.org has no term for a commit; the version's commit is an identifier of it, with the page showing it.
    identifier: data.commit && node({ '@type': 'PropertyValue', propertyID: 'git commit', value: data.commit, url: commitUrl(data.repository, data.commit) }),
    [`${CODEMETA_TERMS}issueTracker`]: data.issueTracker && ref(data.issueTracker),
    [`${CODEMETA_TERMS}referencePublication`]: publications.map((related) => ref(externalUrl(related.identifier))),
  });
}
