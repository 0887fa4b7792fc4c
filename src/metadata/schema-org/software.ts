/**
 * The software a run executed: its code at the exact commit, with the
 * language and libraries it ran on. Both the landing-page JSON-LD and the
 * RO-Crate use this node as the run's instrument.
 */
import type { CatalogRecord } from '../../catalog/load.ts';
import { runCodeOf, type RunCode } from '../../catalog/run-code.ts';
import type { Run } from '../../schema/index.ts';
import type { MetadataContext } from '../context.ts';
import { node, ref, type JsonLdNode } from './jsonld.ts';

/** Where forges show a commit (and a file in it); other hosts get a fragment, still one id per commit. */
const forgePaths: Record<string, (commit: string, file?: string) => string> = {
  'github.com': (commit, file) => (file ? `/blob/${commit}/${file}` : `/tree/${commit}`),
  'gitlab.com': (commit, file) => (file ? `/-/blob/${commit}/${file}` : `/-/tree/${commit}`),
  'codeberg.org': (commit, file) => (file ? `/src/commit/${commit}/${file}` : `/src/commit/${commit}`),
  'bitbucket.org': (commit, file) => `/src/${commit}/${file ?? ''}`,
};

/** An entry point that is a path in the repository (not a command line) can be linked. */
function repositoryPath(entryPoint: string | undefined): string | undefined {
  return entryPoint && /^[\w.-]+(?:\/[\w.-]+)*$/.test(entryPoint) ? entryPoint : undefined;
}

/** The URL of the code at its commit: the entry point's file where known, else the commit's tree. */
export function codeUrl(code: RunCode): string {
  const repository = code.repository.replace(/\.git$/, '').replace(/\/$/, '');
  const path = forgePaths[new URL(repository).hostname];
  const file = repositoryPath(code.entryPoint);
  if (path) return `${repository}${path(code.commit, file)}`;
  return `${repository}#${code.commit}${file ? `:${file}` : ''}`;
}

/** Interpreter and library versions, what schema.org's runtimePlatform lists ("Python 2.3"). */
function runtimePlatform(environment: Run['environment']): string[] {
  const libraries = Object.entries(environment?.frameworks ?? {}).map(([name, version]) => `${name} ${version}`);
  return environment?.language ? [environment.language, ...libraries] : libraries;
}

/**
 * The run's software. Without recorded code the run still has an instrument
 * (the Process Run Crate requires one): its software environment, named as such.
 */
export function softwareNode(run: CatalogRecord<'run'>, context: MetadataContext): JsonLdNode & { '@id': string; '@type': string } {
  const { environment } = run.data;
  const code = runCodeOf(run, context.graph);
  if (!code) {
    return {
      '@id': `${context.landingUrl(run)}#software`,
      '@type': 'SoftwareApplication',
      ...node({
        name: `Software environment of ${run.data.title}`,
        description: 'The code of this run was not recorded.',
        runtimePlatform: runtimePlatform(environment),
      }),
    };
  }
  const repositoryName = code.repository.replace(/\.git$/, '').replace(/\/$/, '').split('/').pop();
  return {
    '@id': codeUrl(code),
    '@type': 'SoftwareSourceCode',
    ...node({
      name: code.entryPoint ?? code.software?.data.title ?? repositoryName,
      codeRepository: code.repository,
      version: code.commit,
      // The software record is the work; the code at this commit is one realization of it.
      exampleOfWork: code.software && ref(context.landingUrl(code.software)),
      programmingLanguage: environment?.language,
      runtimePlatform: runtimePlatform(environment),
    }),
  };
}
