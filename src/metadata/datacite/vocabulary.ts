/** DataCite terms for Heliograph's record types, relations and access levels. */
import type { RelationKind } from '../../catalog/relations.ts';
import type { PublicationRelation } from '../../schema/common/publications.ts';
import type { PublishedType } from '../../schema/index.ts';
import type { ResourceTypes } from './types.ts';

/** resourceTypeGeneral (controlled) and resourceType (free text) of each published type. */
export const resourceTypes: Record<PublishedType, ResourceTypes> = {
  project: { resourceTypeGeneral: 'Project', resourceType: 'Research project' },
  dataset: { resourceTypeGeneral: 'Dataset', resourceType: 'Dataset' },
  model: { resourceTypeGeneral: 'Model', resourceType: 'Machine learning model' },
  // DataCite has no type for a computation; Workflow would claim the run is reusable software.
  run: { resourceTypeGeneral: 'Other', resourceType: 'Training run' },
  software: { resourceTypeGeneral: 'Software', resourceType: 'Software' },
  workflow: { resourceTypeGeneral: 'Workflow', resourceType: 'Computational workflow' },
  instrument: { resourceTypeGeneral: 'Instrument', resourceType: 'Measuring instrument' },
};

interface RelationTypePair {
  /** Stated by the record holding the field, about its target. */
  forward: string;
  /** Stated by the target, about the record holding the field. */
  inverse: string;
}

/**
 * DataCite relationType of each catalog relation, read from both ends. Kinds
 * missing here relate agents (creators, contributors, agents, affiliations,
 * funders): DataCite states those as creators, contributors and
 * fundingReferences, not as related identifiers.
 *
 * - Provenance of content: derived datasets, fine-tuned models and models
 *   trained on a dataset are IsDerivedFrom their sources (IsSourceOf back).
 * - A run creates its outputs: the output IsCompiledBy the run ("B is used to
 *   compile or create A"), the run Compiles it.
 * - Inputs a run used and datasets a model was only validated, tested or
 *   evaluated on are References: they informed, but are not the source of, it.
 * - Membership: IsPartOf the project, and of the sweep or workflow run for child runs.
 * - Data an instrument measured IsCollectedBy it, the instrument Collects
 *   them (DataCite 4.5's pair for instruments).
 * - Workflows: a workflow Requires the software its steps run (IsRequiredBy
 *   back); a run of a workflow IsCompiledBy it, as outputs are by their run.
 */
export const relationTypes: Partial<Record<RelationKind, RelationTypePair>> = {
  partOf: { forward: 'IsPartOf', inverse: 'HasPart' },
  parentRun: { forward: 'IsPartOf', inverse: 'HasPart' },
  derivedFrom: { forward: 'IsDerivedFrom', inverse: 'IsSourceOf' },
  fineTunedFrom: { forward: 'IsDerivedFrom', inverse: 'IsSourceOf' },
  trainedOn: { forward: 'IsDerivedFrom', inverse: 'IsSourceOf' },
  generatedBy: { forward: 'IsCompiledBy', inverse: 'Compiles' },
  generated: { forward: 'Compiles', inverse: 'IsCompiledBy' },
  used: { forward: 'References', inverse: 'IsReferencedBy' },
  validatedOn: { forward: 'References', inverse: 'IsReferencedBy' },
  testedOn: { forward: 'References', inverse: 'IsReferencedBy' },
  evaluatedOn: { forward: 'References', inverse: 'IsReferencedBy' },
  // DataCite's IsCompiledBy: "B is used to compile or create A", as software creates the data it outputs.
  runSoftware: { forward: 'IsCompiledBy', inverse: 'Compiles' },
  previousVersion: { forward: 'IsNewVersionOf', inverse: 'IsPreviousVersionOf' },
  collectedBy: { forward: 'IsCollectedBy', inverse: 'Collects' },
  stepSoftware: { forward: 'Requires', inverse: 'IsRequiredBy' },
  runOf: { forward: 'IsCompiledBy', inverse: 'Compiles' },
};

/** DataCite relationType of each way a paper stands to a record (see publicationRelations). */
export const publicationRelationTypes: Record<PublicationRelation, string> = {
  buildsOn: 'References',
  reports: 'IsDocumentedBy',
  citedBy: 'IsCitedBy',
};

/** resourceTypeGeneral of a paper by the CSL type citation-js reads from its BibTeX entry type; others go unstated. */
export const publicationResourceTypes: Partial<Record<string, string>> = {
  'article-journal': 'JournalArticle',
  'paper-conference': 'ConferencePaper',
  book: 'Book',
  chapter: 'BookChapter',
  report: 'Report',
  thesis: 'Dissertation',
  article: 'Preprint',
};

/**
 * Inverse of each DataCite relationType, so a relation a record states in its
 * relatedIdentifiers field about another catalog record (for instance
 * IsNewVersionOf) also appears, reversed, on that record. Types without an
 * inverse (IsPublishedIn, Other) are not mirrored.
 */
export const inverseRelationTypes: Record<string, string> = Object.fromEntries(
  (
    [
      ['IsCitedBy', 'Cites'],
      ['IsSupplementTo', 'IsSupplementedBy'],
      ['IsContinuedBy', 'Continues'],
      ['IsNewVersionOf', 'IsPreviousVersionOf'],
      ['IsPartOf', 'HasPart'],
      ['IsReferencedBy', 'References'],
      ['IsDocumentedBy', 'Documents'],
      ['IsCompiledBy', 'Compiles'],
      ['IsVariantFormOf', 'IsOriginalFormOf'],
      ['IsIdenticalTo', 'IsIdenticalTo'],
      ['HasMetadata', 'IsMetadataFor'],
      ['Reviews', 'IsReviewedBy'],
      ['IsDerivedFrom', 'IsSourceOf'],
      ['Describes', 'IsDescribedBy'],
      ['HasVersion', 'IsVersionOf'],
      ['Requires', 'IsRequiredBy'],
      ['Obsoletes', 'IsObsoletedBy'],
      ['Collects', 'IsCollectedBy'],
      ['HasTranslation', 'IsTranslationOf'],
    ] as const
  ).flatMap(([a, b]) => [
    [a, b],
    [b, a],
  ]),
);

/**
 * Access levels as rights statements, in the info:eu-repo vocabulary that
 * OpenAIRE and DataCite consumers read from rightsList.
 */
export const accessRights: Record<'open' | 'restricted' | 'embargoed', { label: string; uri: string }> = {
  open: { label: 'Open access', uri: 'info:eu-repo/semantics/openAccess' },
  restricted: { label: 'Restricted access', uri: 'info:eu-repo/semantics/restrictedAccess' },
  embargoed: { label: 'Embargoed access', uri: 'info:eu-repo/semantics/embargoedAccess' },
};

