/**
 * The data of a run or project page, as schema.org distributions: F-UJI's
 * data tests look for DataDownloads with a content URL, an exact media type
 * and a size in bytes. A run's data are its output files; a project's, its
 * RO-Crate, served beside the page (its size is that of the file written).
 */
import type { CatalogRecord } from '../../catalog/load.ts';
import { isWithdrawn } from '../common/record-facts.ts';
import type { MetadataContext } from '../context.ts';
import { roCrate } from '../ro-crate/index.ts';
import { fileNode } from './files.ts';
import { node, type JsonLdNode } from './jsonld.ts';
import { runOutputs } from './run.ts';

export function runDistribution(run: CatalogRecord<'run'>, context: MetadataContext): JsonLdNode[] {
  return isWithdrawn(run) ? [] : runOutputs(run, context).files.map((file) => fileNode(file));
}

export function projectDistribution(project: CatalogRecord<'project'>, context: MetadataContext): JsonLdNode[] {
  const text = roCrate.render(context.recent(project, roCrate.fileName, () => roCrate.build(project, context)));
  return [
    node({
      '@type': 'DataDownload',
      name: `RO-Crate of ${project.data.title}`,
      description: 'The project packaged as an RO-Crate: its datasets, models and files, and each run with its code, inputs, outputs and metrics.',
      contentUrl: context.exportUrl(project, roCrate.fileName),
      encodingFormat: roCrate.mediaType,
      contentSize: String(Buffer.byteLength(text, 'utf8')),
      'dct:conformsTo': { '@id': roCrate.profile },
    }),
  ];
}
