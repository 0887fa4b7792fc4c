/**
 * Runs as Process Run Crate 0.5 actions: a CreateAction whose instrument is
 * the code at its commit, whose object are the inputs and hyperparameters and
 * whose result are the outputs and final metrics, each an entity of its own.
 */
import type { CatalogRecord } from '../../catalog/load.ts';
import type { JsonLdScalar } from '../schema-org/jsonld.ts';
import { runOutputs } from '../schema-org/run.ts';
import { actionStatus } from '../schema-org/vocabulary.ts';
import { isWithdrawn, publicationDate } from '../common/record-facts.ts';
import { agentRefs, fileRef, referenceRefs, type CrateBuilder } from './entities.ts';
import { entity, type IdReference } from './graph.ts';
import { instrumentRef } from './software.ts';

/**
 * A time as the Process Run Crate shapes accept it: seconds, at most three
 * decimals, and a numeric offset ("Z" fails their ISO 8601 pattern).
 */
export function crateDateTime(value: string | undefined): string | undefined {
  const match = value?.match(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?$/i);
  if (!match) return value;
  const [, minutes, seconds = ':00', fraction, offset = 'Z'] = match;
  const milliseconds = fraction ? `.${fraction.slice(0, 3).padEnd(3, '0')}` : '';
  const numericOffset = offset.toUpperCase() === 'Z' ? '+00:00' : offset.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
  return `${minutes}${seconds}${milliseconds}${numericOffset}`;
}

/** Process Run Crate names only the end states; a run still going has none yet. */
export function endStatus(status: CatalogRecord<'run'>['data']['runStatus']): string | undefined {
  return status === 'running' ? undefined : actionStatus[status];
}

/** Name → value pairs as PropertyValue entities, identified under the run's page. */
function propertyValueRefs(builder: CrateBuilder, base: string, values: Record<string, JsonLdScalar> | undefined): IdReference[] {
  return Object.entries(values ?? {}).map(([name, value]) =>
    builder.graph.add(entity(`${base}-${encodeURIComponent(name)}`, 'PropertyValue', { name, value })),
  );
}

/** A run as a CreateAction; its instrument is its code unless the caller knows better (the workflow, or a step's tool). */
export function actionRef(builder: CrateBuilder, run: CatalogRecord<'run'>, instrument: IdReference = instrumentRef(builder, run)): IdReference {
  const { graph, context } = builder;
  const { data } = run;
  const landing = context.landingUrl(run);
  const outputs = runOutputs(run, context);
  return graph.add(
    entity(landing, 'CreateAction', {
      name: data.title,
      description: data.description,
      url: landing,
      instrument,
      object: [referenceRefs(builder, data.inputs), propertyValueRefs(builder, `${landing}#parameter`, data.parameters)],
      result: [
        referenceRefs(builder, outputs.records),
        isWithdrawn(run) ? [] : outputs.files.map((file) => fileRef(builder, file, { title: data.title, recordedOn: publicationDate(run) })),
        propertyValueRefs(builder, `${landing}#metric`, data.metrics),
      ],
      agent: agentRefs(builder, data.agents),
      startTime: crateDateTime(data.startTime),
      endTime: crateDateTime(data.endTime),
      // The RO-Crate context gives actionStatus no @type @id: the shapes compare the IRI as a string.
      actionStatus: endStatus(data.runStatus),
    }),
  );
}
