/**
 * A dataset's responsible-AI facts as the landing page lists them: one entry
 * per stated fact, in the order of the schema (collection, annotation, known
 * problems, uses, maintenance), labelled for readers rather than by RAI term.
 */
import type { ResponsibleAi } from '../schema/responsible-ai.ts';

export interface ResponsibleAiEntry {
  label: string;
  statements: string[];
}

const LABELS: Record<keyof ResponsibleAi, string> = {
  dataCollection: 'How the data was collected',
  dataCollectionType: 'Kind of collection',
  dataCollectionRawData: 'Raw data',
  dataPreprocessingProtocol: 'Preprocessing',
  dataAnnotationProtocol: 'How it was annotated',
  dataAnnotationPlatform: 'Annotation platform',
  annotatorDemographics: 'Annotators',
  dataBiases: 'Known biases',
  dataLimitations: 'Known limitations',
  personalSensitiveInformation: 'Personal and sensitive information',
  dataUseCases: 'Intended uses',
  prohibitedUses: 'Uses it must not be put to',
  dataSocialImpact: 'Social impact',
  dataReleaseMaintenancePlan: 'Maintenance',
};

export function responsibleAiEntries(facts: ResponsibleAi | undefined): ResponsibleAiEntry[] {
  if (!facts) return [];
  return (Object.keys(LABELS) as (keyof ResponsibleAi)[])
    .filter((field) => facts[field] !== undefined)
    .map((field) => ({ label: LABELS[field], statements: [facts[field]!].flat() }));
}
