/**
 * A model as FAIR4ML MLModel, also typed Dataset so that Google Dataset
 * Search (which indexes "files relating to machine learning, such as trained
 * parameters") finds it; the weight files are its distribution.
 */
import type { CatalogRecord } from '../../catalog/load.ts';
import type { Model } from '../../schema/index.ts';
import { failureStatements } from '../common/failures.ts';
import { isWithdrawn } from '../common/record-facts.ts';
import type { MetadataContext } from '../context.ts';
import { catalogNode, citableProperties, mergeProperties, type Properties } from './citable.ts';
import { accessProperties } from './access.ts';
import { fileNode } from './files.ts';
import { node, type JsonLdNode } from './jsonld.ts';
import { externalUrl, referenceNode, referencedRecord, referenceNodes } from './references.ts';

type Evaluation = NonNullable<Model['evaluation']>[number];

/** One evaluation result; the dataset and split are named in the description, as PropertyValue has no slot for them. */
function evaluationNode(evaluation: Evaluation, context: MetadataContext): JsonLdNode {
  const dataset = referencedRecord(evaluation.dataset, context)?.data.title ?? externalUrl(evaluation.dataset);
  return node({
    '@type': 'PropertyValue',
    name: evaluation.metric,
    value: evaluation.value,
    description: evaluation.split ? `${dataset}, ${evaluation.split} split` : dataset,
  });
}

/** Training emissions as a quantity in kg CO2e, with how they were produced as its properties. */
function emissionsNode(emissions: Model['emissions']): JsonLdNode | undefined {
  if (!emissions) return undefined;
  const facts = [
    emissions.hardware !== undefined && node({ '@type': 'PropertyValue', name: 'hardware', value: emissions.hardware }),
    emissions.hours !== undefined && node({ '@type': 'PropertyValue', name: 'training time', value: emissions.hours, unitText: 'h' }),
    emissions.region !== undefined && node({ '@type': 'PropertyValue', name: 'region', value: emissions.region }),
  ].filter((fact): fact is JsonLdNode => fact !== false);
  return node({ '@type': 'QuantitativeValue', value: emissions.co2eKg, unitText: 'kg CO2e', additionalProperty: facts });
}

/** FAIR4ML's one slot for what goes wrong: the stated limitations, then each known failure mode. */
function risksAndLimitations(record: CatalogRecord<'model'>): string | string[] | undefined {
  const statements = [...(record.data.limitations ? [record.data.limitations] : []), ...failureStatements(record)];
  return statements.length > 1 ? statements : statements[0];
}

export function modelProperties(record: CatalogRecord<'model'>, context: MetadataContext): Properties {
  const { data } = record;
  const generator = context.graph.generatorOf(record.id);
  const base = data.baseModel ? referenceNode(data.baseModel, context) : undefined;
  const framework = data.framework && [data.framework.name, data.framework.version].filter(Boolean).join(' ');
  return mergeProperties(citableProperties(record, context), accessProperties(record), {
    distribution: isWithdrawn(record) ? undefined : data.files?.map((file) => fileNode(file)),
    includedInDataCatalog: catalogNode(context),
    'fair4ml:mlTask': data.task,
    'fair4ml:modelCategory': [data.modelCategory, data.architecture],
    'fair4ml:fineTunedFrom': base,
    isBasedOn: base,
    'fair4ml:trainedOn': referenceNodes(data.trainedOn, context),
    'fair4ml:validatedOn': referenceNodes(data.validatedOn, context),
    'fair4ml:testedOn': referenceNodes(data.testedOn, context),
    'fair4ml:evaluatedOn': referenceNodes(data.evaluation?.map((evaluation) => evaluation.dataset), context),
    'fair4ml:evaluationMetrics': data.evaluation?.map((evaluation) => evaluationNode(evaluation, context)),
    'fair4ml:intendedUse': data.intendedUse,
    // FAIR4ML's one slot for what goes wrong: the stated limitations, then each known failure mode.
    'fair4ml:modelRisksBiasLimitations': risksAndLimitations(record),
    'fair4ml:usageInstructions': data.usageInstructions,
    'fair4ml:hasCO2eEmissions': emissionsNode(data.emissions),
    softwareRequirements: framework,
    'prov:wasGeneratedBy': generator && referenceNode(generator, context),
    isPartOf: data.project && referenceNode(data.project, context),
  });
}
