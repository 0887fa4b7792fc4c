/**
 * The record types of a catalog: where their files live, which extensions they
 * may have and which schema validates them. Everything that walks a catalog
 * (loader, Astro collections, JSON Schema export, `new`) reads this table.
 */
import type { z } from 'zod';
import { organizationSchema, personSchema } from './agents.ts';
import { datasetSchema } from './dataset.ts';
import { modelSchema } from './model.ts';
import { projectSchema } from './project.ts';
import { instrumentSchema } from './instrument.ts';
import { runSchema } from './run.ts';
import { softwareSchema } from './software.ts';
import { workflowSchema } from './workflow.ts';

export const recordTypes = {
  person: { folder: 'people', extensions: ['.yaml', '.yml'], schema: personSchema, label: 'Person', plural: 'People' },
  organization: {
    folder: 'organizations',
    extensions: ['.yaml', '.yml'],
    schema: organizationSchema,
    label: 'Organization',
    plural: 'Organizations',
  },
  project: { folder: 'projects', extensions: ['.md'], schema: projectSchema, label: 'Project', plural: 'Projects' },
  dataset: { folder: 'datasets', extensions: ['.md'], schema: datasetSchema, label: 'Dataset', plural: 'Datasets' },
  model: { folder: 'models', extensions: ['.md'], schema: modelSchema, label: 'Model', plural: 'Models' },
  run: { folder: 'runs', extensions: ['.md', '.yaml', '.yml'], schema: runSchema, label: 'Run', plural: 'Runs' },
  software: { folder: 'software', extensions: ['.md'], schema: softwareSchema, label: 'Software', plural: 'Software' },
  workflow: { folder: 'workflows', extensions: ['.md'], schema: workflowSchema, label: 'Workflow', plural: 'Workflows' },
  instrument: { folder: 'instruments', extensions: ['.md'], schema: instrumentSchema, label: 'Instrument', plural: 'Instruments' },
} as const satisfies Record<string, { folder: string; extensions: readonly string[]; schema: z.ZodType; label: string; plural: string }>;

export type RecordType = keyof typeof recordTypes;
export const recordTypeNames = Object.keys(recordTypes) as RecordType[];

/** Record types that get a landing page, citation metadata and exports. */
export const publishedTypes = ['project', 'dataset', 'model', 'run', 'software', 'workflow', 'instrument'] as const satisfies readonly RecordType[];
export type PublishedType = (typeof publishedTypes)[number];

export type RecordData = { [T in RecordType]: z.infer<(typeof recordTypes)[T]['schema']> };

export { catalogSchema, type CatalogSettings } from './catalog.ts';
export type { Person, Organization } from './agents.ts';
export type { Project } from './project.ts';
export type { Dataset } from './dataset.ts';
export type { Model } from './model.ts';
export type { Run } from './run.ts';
export type { Software } from './software.ts';
export type { Workflow, WorkflowStep } from './workflow.ts';
export type { Instrument } from './instrument.ts';
export type { FileEntry } from './common/files.ts';
