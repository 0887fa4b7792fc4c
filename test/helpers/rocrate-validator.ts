/**
 * rocrate-validator's SHACL profiles, run in JavaScript. The reference
 * validator (crs4) hands its shapes to pySHACL with advanced features on:
 * SPARQL targets, SPARQL constraints and triple rules that tag entities
 * (root, data entity, licence...) for later shapes to target. shacl-engine
 * checks SHACL core; the data sit in an Oxigraph store, which answers the
 * SPARQL targets and constraints (shacl-engine's own SPARQL plugin starts a
 * Comunica engine per query: minutes per crate); the triple rules are
 * applied here, to a fixpoint, before validating, as pySHACL does. Every result is reported
 * with the requirement level of the folder its shape comes from (must →
 * REQUIRED, should → RECOMMENDED), as the validator reports it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatasetCore, Quad, Term } from '@rdfjs/types';
import jsonld from 'jsonld';
import { DataFactory as rdf, Parser, Store as ShapesStore } from 'n3';
import { PathList } from 'grapoi';
import Validator from 'shacl-engine/Validator.js';
import { Store } from 'oxigraph';
import { fixtures } from './catalogs.ts';
import { offlineDocumentLoader } from './jsonld.ts';

const shapesFolder = join(fixtures, 'standards', 'ro-crate', 'validator-shapes');

const sh = (name: string) => rdf.namedNode(`http://www.w3.org/ns/shacl#${name}`);
const rdfType = rdf.namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type');

export type RequirementLevel = 'must' | 'should';

/** The validator's profiles beyond RO-Crate itself, by their folder in validator-shapes/. */
export type CrateProfile = 'process-run-crate' | 'workflow-ro-crate' | 'provenance-run-crate';

/**
 * The profiles a crate of each kind is held to: the validator checks a
 * crate against the profile it names and every profile that one builds on
 * (Workflow Run Crate, between Process and Provenance, has no shapes of its own).
 */
export const profilesOf = {
  'process-run-crate': ['process-run-crate'],
  'workflow-ro-crate': ['workflow-ro-crate'],
  'provenance-run-crate': ['process-run-crate', 'workflow-ro-crate', 'provenance-run-crate'],
} as const satisfies Record<CrateProfile, readonly CrateProfile[]>;

/**
 * The Process Run Crate shapes build on the validator's RO-Crate 1.1
 * profile, whose rules tag the root with its own namespace; with the 1.2
 * profile as the base, the same tags carry the 1.2 namespace.
 */
const baseProfileNamespace = 'https://github.com/crs4/rocrate-validator/profiles/ro-crate/';
const shapesBaseNamespace = 'https://github.com/crs4/rocrate-validator/profiles/ro-crate-1.2/';

/**
 * The RO-Crate 1.2 profile's one version pin: "conformsTo SHOULD be
 * https://w3id.org/ro/crate/1.2". A crate of another version is held to its
 * own version there and to every other 1.2 requirement.
 */
/**
 * shacl-engine evaluates each path step on one predicate, so the one nested
 * path of the shapes, "reached from the root through hasPart" (the inverse
 * of hasPart, one or more times), is read from a predicate that the SPARQL
 * store materializes with the same path before validating.
 */
const containedBy = 'urn:heliograph:test:contained-by';
const nestedPaths: [string, string][] = [['[ sh:oneOrMorePath [ sh:inversePath schema_org:hasPart ] ]', `<${containedBy}>`]];
const materializeNestedPaths = `INSERT { ?part <${containedBy}> ?whole } WHERE { ?part ^<http://schema.org/hasPart>+ ?whole }`;

function pinnedVersion(turtle: string, specification: string): string {
  return turtle.replaceAll('<https://w3id.org/ro/crate/1.2>', `<${specification}>`);
}

interface Shapes {
  dataset: DatasetCore;
  /** The requirement level of every subject described in each file. */
  levels: Map<string, RequirementLevel>;
  /** Triples the validator adds to every data graph (its ontology of tags). */
  ontology: Quad[];
}

function parseTurtle(text: string, file: string): Quad[] {
  return new Parser({ baseIRI: `file://${file}`, blankNodePrefix: `${file.replaceAll(/\W/g, '_')}_` }).parse(text);
}

function termKey(term: Term): string {
  return `${term.termType}:${term.value}`;
}

/**
 * pySHACL runs the queries with rdflib's default namespace bindings as well
 * as the declared ones; some queries rely on them (prof:Profile).
 */
const rdflibPrefixes: Record<string, string> = {
  prof: 'http://www.w3.org/ns/dx/prof/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  owl: 'http://www.w3.org/2002/07/owl#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  sh: 'http://www.w3.org/ns/shacl#',
};

function declareDefaultPrefixes(dataset: DatasetCore): void {
  const declarations = rdf.namedNode(`${shapesBaseNamespace}sparqlPrefixes`);
  const declared = new Set([...dataset.match(declarations, sh('declare'))].flatMap((quad) => [...dataset.match(quad.object, sh('prefix'))].map((prefix) => prefix.object.value)));
  for (const [prefix, namespace] of Object.entries(rdflibPrefixes)) {
    if (declared.has(prefix)) continue;
    const declaration = rdf.blankNode();
    dataset.add(rdf.quad(declarations, sh('declare'), declaration));
    dataset.add(rdf.quad(declaration, sh('prefix'), rdf.literal(prefix)));
    dataset.add(rdf.quad(declaration, sh('namespace'), rdf.literal(namespace, rdf.namedNode('http://www.w3.org/2001/XMLSchema#anyURI'))));
  }
}

/**
 * shacl-engine reads one sh:hasValue per shape, and fails on a shape with
 * several (Workflow RO-Crate's "types File, SoftwareSourceCode and
 * ComputationalWorkflow"); SHACL requires each value, as pySHACL checks.
 * Such a shape becomes one shape per value, each at the original's level.
 */
function splitHasValues(dataset: ShapesStore, levels: Map<string, RequirementLevel>): void {
  // n3's store types its terms as its own classes; these are n3's terms throughout.
  const match = (subject?: Term, predicate?: Term, object?: Term): Quad[] => [...dataset.match((subject ?? null) as never, (predicate ?? null) as never, (object ?? null) as never)];
  const subjects = new Map(match(undefined, sh('hasValue')).map((quad) => [termKey(quad.subject), quad.subject]));
  for (const subject of subjects.values()) {
    const values = match(subject, sh('hasValue')).map((quad) => quad.object);
    if (values.length < 2) continue;
    const parents = match(undefined, sh('property'), subject).map((quad) => quad.subject);
    const others = match(subject).filter((quad) => !quad.predicate.equals(sh('hasValue')));
    for (const value of values.slice(1)) {
      dataset.delete(rdf.quad(subject, sh('hasValue'), value) as never);
      const copy = rdf.blankNode();
      for (const quad of others) dataset.add(rdf.quad(copy, quad.predicate, quad.object) as never);
      dataset.add(rdf.quad(copy, sh('hasValue'), value) as never);
      for (const parent of parents) dataset.add(rdf.quad(parent, sh('property'), copy) as never);
      const level = levels.get(termKey(subject));
      if (level) levels.set(termKey(copy), level);
    }
  }
}

const cache = new Map<string, Shapes>();

/**
 * The shapes' SPARQL prefixes include `ro: <./>`, the crate's root; a
 * SPARQL engine needs it absolute, so it is the crate's own folder.
 */
function loadShapes(specification: string, base: string, profiles: readonly CrateProfile[]): Shapes {
  const key = `${specification} ${base} ${profiles.join(' ')}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const dataset = new ShapesStore();
  const levels = new Map<string, RequirementLevel>();
  const add = (file: string, level?: RequirementLevel) => {
    let text = pinnedVersion(readFileSync(join(shapesFolder, file), 'utf8'), specification);
    for (const [path, predicate] of nestedPaths) text = text.replaceAll(path, predicate);
    text = text
      .replaceAll(baseProfileNamespace, shapesBaseNamespace)
      .replaceAll('"./"^^xsd:anyURI', `"${new URL('./', base).href}"^^xsd:anyURI`)
      // The same root as a Turtle prefix (Workflow RO-Crate's targets ro:ro-crate-metadata.json, ro:README.md).
      .replaceAll('@prefix ro: <./> .', `@prefix ro: <${new URL('./', base).href}> .`);
    for (const quad of parseTurtle(text, file)) {
      dataset.add(quad);
      if (level) levels.set(termKey(quad.subject), level);
    }
  };
  add('ro-crate/1.2/prefixes.ttl');
  declareDefaultPrefixes(dataset);
  for (const profile of ['ro-crate/1.2', ...profiles]) {
    for (const level of ['must', 'should'] as const) {
      for (const file of readdirSync(join(shapesFolder, profile, level)).sort()) add(join(profile, level, file), level);
    }
  }
  splitHasValues(dataset, levels);
  const ontology = parseTurtle(readFileSync(join(shapesFolder, 'ro-crate/1.2/ontology.ttl'), 'utf8'), 'ontology.ttl');
  const shapes = { dataset, levels, ontology };
  cache.set(key, shapes);
  return shapes;
}

type Pointer = ReturnType<typeof pointer>;

function pointer(dataset: DatasetCore, term?: Term) {
  const list = new PathList({ dataset, factory: rdf });
  return term ? list.node([term]) : list;
}

/** The SPARQL prefixes a query declares through sh:prefixes / sh:declare. */
function prefixesOf(shapes: DatasetCore, target: Term): string {
  return [...shapes.match(target, sh('prefixes'))]
    .flatMap((prefixes) => [...shapes.match(prefixes.object, sh('declare'))])
    .map((declaration) => {
      const prefix = [...shapes.match(declaration.object, sh('prefix'))][0]?.object.value;
      const namespace = [...shapes.match(declaration.object, sh('namespace'))][0]?.object.value;
      return `PREFIX ${prefix}: <${namespace}>`;
    })
    .join('\n');
}

type Bindings = Map<string, Term>;

/** Oxigraph's store is an RDF/JS dataset; its declarations name its own term classes. */
function asDataset(store: Store): DatasetCore {
  return store as unknown as DatasetCore;
}

function selectQuery(shapes: DatasetCore, node: Term): string | undefined {
  const query = [...shapes.match(node, sh('select'))][0]?.object.value;
  return query && `${prefixesOf(shapes, node)}\n${query}`;
}

/** SPARQL targets: the ?this of every row. */
function sparqlTargetResolver(shapes: DatasetCore, store: Store) {
  return async (target: Pointer) => {
    const query = selectQuery(shapes, target.term);
    if (!query) return [];
    return (store.query(query) as Bindings[]).flatMap((row) => row.get('this') ?? []);
  };
}

/** `$this` pre-bound, as SHACL-SPARQL asks, by a VALUES block opening the query's WHERE group. */
function bindThis(query: string, focus: Term): string {
  return query.replace(/\bWHERE\s*\{/i, (where) => `${where} VALUES $this { <${focus.value}> }`);
}

interface ConstraintContext {
  focusNode: { term: Term; node(terms: Term[]): unknown };
  violation(component: Term, args: Record<string, unknown>): void;
}

/** SPARQL constraints: every row a result, its ?value (or the focus node) the value. */
function sparqlConstraints(shapes: DatasetCore, store: Store) {
  const compile = (shape: { sparql: { terms: Term[] } }) => ({
    generic: async (context: ConstraintContext) => {
      if (context.focusNode.term.termType !== 'NamedNode') return;
      for (const constraint of shape.sparql.terms) {
        const query = selectQuery(shapes, constraint);
        if (!query) continue;
        const message = [...shapes.match(constraint, sh('message'))].map((quad) => quad.object);
        for (const row of store.query(bindThis(query, context.focusNode.term)) as Bindings[]) {
          const value = context.focusNode.node([row.get('value') ?? context.focusNode.term]);
          context.violation(sh('SPARQLConstraintComponent'), { args: Object.fromEntries(row), message, source: [constraint], value });
        }
      }
    },
  });
  return new Map([[sh('sparql'), compile]]);
}

function validator(shapes: DatasetCore, store: Store) {
  return new Validator(shapes, {
    factory: rdf,
    validations: sparqlConstraints(shapes, store),
    targetResolvers: new Map([[sh('target'), sparqlTargetResolver(shapes, store)]]),
  });
}

interface TripleRule {
  shape: Term;
  predicate: Term;
  object: Term;
  condition?: Term;
}

function tripleRules(shapes: DatasetCore): TripleRule[] {
  return [...shapes.match(null, sh('rule'))].flatMap(({ subject: shape, object: rule }) => {
    const value = (name: string) => [...shapes.match(rule, sh(name))][0]?.object;
    const predicate = value('predicate');
    const object = value('object');
    if (!shapes.has(rdf.quad(rule as Quad['subject'], rdfType, sh('TripleRule'))) || value('subject')?.value !== sh('this').value || !predicate || !object) {
      throw new Error(`unsupported SHACL rule on ${shape.value}`);
    }
    return [{ shape, predicate, object, condition: value('condition') }];
  });
}

/** Applies the triple rules until they add nothing, each to its shape's focus nodes that meet its condition. */
async function applyRules(shapes: DatasetCore, store: Store): Promise<void> {
  const data = asDataset(store);
  const rules = tripleRules(shapes);
  for (let added = true; added; ) {
    added = false;
    const engine = validator(shapes, store);
    for (const rule of rules) {
      const shape = engine.shape(pointer(shapes, rule.shape));
      const targets = await shape.resolveTargets({ focusNode: pointer(data), factory: rdf, validator: engine });
      for (const focus of targets.terms as Term[]) {
        if (rule.condition) {
          const report = await engine.validate({ dataset: data, terms: [focus] }, [{ terms: [rule.condition] }]);
          if (!report.conforms) continue;
        }
        const quad = rdf.quad(focus as Quad['subject'], rule.predicate as Quad['predicate'], rule.object as Quad['object']);
        if (!data.has(quad)) {
          data.add(quad);
          added = true;
        }
      }
    }
  }
}

export interface ShapeResult {
  level: RequirementLevel;
  focusNode: string;
  path?: string;
  message: string;
}

/**
 * Validates a crate against the RO-Crate 1.2 shapes and those of its profile
 * (Process Run Crate unless told), expanded to RDF offline with `base` as the
 * crate's own URL, and returns every result of a must or should shape.
 */
export async function validateCrate(
  crate: object,
  { base, specification, profile = 'process-run-crate' }: { base: string; specification: string; profile?: CrateProfile },
): Promise<ShapeResult[]> {
  const shapes = loadShapes(specification, base, profilesOf[profile]);
  const nquads = (await jsonld.toRDF(crate, { base, documentLoader: offlineDocumentLoader, format: 'application/n-quads' } as jsonld.Options.ToRdf)) as unknown as string;
  const store = new Store();
  store.load(nquads, { format: 'application/n-quads', to_graph_name: rdf.defaultGraph() } as never);
  const data = asDataset(store);
  for (const quad of shapes.ontology) data.add(quad);
  store.update(materializeNestedPaths);
  await applyRules(shapes.dataset, store);
  const report = await validator(shapes.dataset, store).validate({ dataset: data });
  return report.results.map((result) => {
    const shape = result.sourceShape?.term ?? result.shape?.ptr.term;
    return {
      level: (shape && shapes.levels.get(termKey(shape))) ?? 'must',
      focusNode: result.focusNode?.term.value ?? '',
      path: result.path?.map((step) => step.predicates.map((predicate) => predicate.value).join('|')).join('/'),
      message: result.message?.map((message) => message.value).join(' ') ?? '',
    };
  });
}
