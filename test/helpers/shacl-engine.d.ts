/**
 * The little of shacl-engine and grapoi (its graph pointer) that the
 * RO-Crate shape runner uses; neither package ships type declarations.
 */
declare module 'grapoi' {
  import type { DataFactory, DatasetCore, Term } from '@rdfjs/types';

  export class PathList {
    constructor(options: { dataset: DatasetCore; factory: DataFactory });
    readonly term: Term;
    readonly terms: Term[];
    node(terms: Term[]): PathList;
  }
}

declare module 'shacl-engine/Validator.js' {
  import type { DataFactory, DatasetCore, Term } from '@rdfjs/types';
  import type { PathList } from 'grapoi';

  export interface ValidationResult {
    focusNode?: { term: Term };
    path?: { predicates: Term[] }[];
    message?: Term[];
    sourceShape?: { term: Term };
    shape?: { ptr: { term: Term } };
  }

  export interface ValidationReport {
    conforms: boolean;
    results: ValidationResult[];
  }

  export interface Shape {
    resolveTargets(context: { focusNode: PathList; factory: DataFactory; validator: Validator }): Promise<PathList>;
  }

  export default class Validator {
    constructor(shapes: DatasetCore, options: { factory: DataFactory; validations?: Map<Term, unknown>; targetResolvers?: Map<Term, unknown> });
    shape(pointer: PathList): Shape;
    validate(data: { dataset: DatasetCore; terms?: Term[] }, shapes?: { terms: Term[] }[]): Promise<ValidationReport>;
  }
}
