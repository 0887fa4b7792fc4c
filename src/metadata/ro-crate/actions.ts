/**
 * Runs as Process Run Crate 0.5 actions: a CreateAction whose instrument is
 * the code at its commit, whose object are the inputs and hyperparameters and
 * whose result are the outputs and final metrics, each an entity of its own.
 */
import type { CatalogRecord } from '../../catalog/load.ts';
import type { JsonLdScalar } from '../schema-org/jsonld.ts';
import { runOutputs } from '../schema-org/run.ts';
import { softwareNode } from '../schema-org/software.ts';
import { actionStatus } from '../schema-org/vocabulary.ts';
import { isWithdrawn } from '../common/record-facts.ts';
import { agentRefs, fileRef, referenceRefs, type CrateBuilder } from './entities.ts';
import { entity, type IdReference } from './graph.ts';

/** Name → value pairs as PropertyValue entities, identified under the run's page. */
function propertyValueRefs(builder: CrateBuilder, base: string, values: Record<string, JsonLdScalar> | undefined): IdReference[] {
  return Object.entries(values ?? {}).map(([name, value]) =>
    builder.graph.add(entity(`${base}-${encodeURIComponent(name)}`, 'PropertyValue', { name, value })),
  );
}

export function actionRef(builder: CrateBuilder, run: CatalogRecord<'run'>): IdReference {
  const { graph, context } = builder;
  const { data } = run;
  const landing = context.landingUrl(run);
  const outputs = runOutputs(run, context);
  const instrument = graph.add(softwareNode(run, context));
  return graph.add(
    entity(landing, 'CreateAction', {
      name: data.title,
      description: data.description,
      url: landing,
      instrument,
      object: [referenceRefs(builder, data.inputs), propertyValueRefs(builder, `${landing}#parameter`, data.parameters)],
      result: [
        referenceRefs(builder, outputs.records),
        isWithdrawn(run) ? [] : outputs.files.map((file) => fileRef(builder, file)),
        propertyValueRefs(builder, `${landing}#metric`, data.metrics),
      ],
      agent: agentRefs(builder, data.agents),
      startTime: data.startTime,
      endTime: data.endTime,
      actionStatus: { '@id': actionStatus[data.runStatus] },
    }),
  );
}
