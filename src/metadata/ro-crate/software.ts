/**
 * A run's instrument as Process Run Crate and RO-Crate want it: code that
 * is a file in a repository is a Script (File and SoftwareSourceCode), its
 * language a ComputerLanguage entity with URL and version; a run without
 * recorded code is described by its software environment.
 */
import type { CatalogRecord } from '../../catalog/load.ts';
import { runCodeOf } from '../../catalog/run-code.ts';
import { publicationDate } from '../common/record-facts.ts';
import { softwareNode } from '../schema-org/software.ts';
import { briefRecordRef, type CrateBuilder } from './entities.ts';
import { entity, type IdReference } from './graph.ts';

/** Home pages of the languages ML code is written in, by the name an environment records ("Python 3.11.7"). */
const languageHomePages: Record<string, string> = {
  python: 'https://www.python.org/',
  r: 'https://www.r-project.org/',
  julia: 'https://julialang.org/',
  matlab: 'https://www.mathworks.com/products/matlab.html',
  javascript: 'https://developer.mozilla.org/docs/Web/JavaScript',
  typescript: 'https://www.typescriptlang.org/',
  java: 'https://www.java.com/',
  scala: 'https://www.scala-lang.org/',
  rust: 'https://www.rust-lang.org/',
  go: 'https://go.dev/',
  'c++': 'https://isocpp.org/',
  c: 'https://www.open-std.org/jtc1/sc22/wg14/',
};

/**
 * "Python 3.11.7" as a ComputerLanguage entity. RO-Crate requires its url and
 * version, so a language without a known home page or a version stays text.
 */
function languageRef({ graph }: CrateBuilder, language: string | undefined): IdReference | string | undefined {
  const match = language?.match(/^(.+?)\s+v?(\d[\w.+-]*)$/);
  const url = match && languageHomePages[match[1]!.toLowerCase()];
  if (!match || !url) return language;
  const [, name, version] = match;
  return graph.add(entity(`#language-${name!.toLowerCase().replaceAll(/\W/g, '')}-${version}`, 'ComputerLanguage', { name, version, url, alternateName: language }));
}

/** Media types of script files by extension; other code is served as text. */
const scriptMediaTypes: Record<string, string> = {
  py: 'text/x-python',
  r: 'text/x-r',
  jl: 'text/x-julia',
  ipynb: 'application/x-ipynb+json',
  sh: 'application/x-sh',
  js: 'text/javascript',
  ts: 'application/typescript',
  m: 'text/x-matlab',
};

function scriptMediaType(name: string | undefined): string {
  const extension = name?.match(/\.(\w+)$/)?.[1]?.toLowerCase();
  return (extension && scriptMediaTypes[extension]) ?? 'text/plain';
}

/** The software record a run's code realizes, with the version (or commit) and repository a Script should have. */
function softwareRecordRef(builder: CrateBuilder, software: CatalogRecord<'software'>): IdReference {
  const { version, commit, repository } = software.data;
  const reference = briefRecordRef(builder, software);
  const sdDatePublished = software.data.dateModified ?? publicationDate(software);
  builder.graph.add(entity(reference['@id'], ['File', 'SoftwareSourceCode'], { version: version ?? commit, codeRepository: repository, sdDatePublished }));
  return reference;
}

export function instrumentRef(builder: CrateBuilder, run: CatalogRecord<'run'>): IdReference {
  const { '@id': id, '@type': type, programmingLanguage, exampleOfWork: _exampleOfWork, ...code } = softwareNode(run, builder.context);
  const software = runCodeOf(run, builder.context.graph)?.software;
  if (type !== 'SoftwareSourceCode') {
    // The environment is the nearest thing to the software run: its page is the run's.
    const version = run.data.environment?.language ?? 'not recorded';
    return builder.graph.add(entity(id, 'SoftwareApplication', { ...code, url: builder.context.landingUrl(run), version }));
  }
  return builder.graph.add(
    entity(id, ['File', 'SoftwareSourceCode'], {
      ...code,
      url: id,
      description: `${code.name} at commit ${code.version} of ${code.codeRepository}, the code of ${run.data.title}.`,
      encodingFormat: scriptMediaType(typeof code.name === 'string' ? code.name : undefined),
      programmingLanguage: languageRef(builder, typeof programmingLanguage === 'string' ? programmingLanguage : undefined),
      sdDatePublished: run.data.startTime.slice(0, 10),
      exampleOfWork: software && softwareRecordRef(builder, software),
    }),
  );
}
