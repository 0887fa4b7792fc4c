/**
 * Turns zod issues into located problems with plain-language messages and
 * hints: unknown keys get "did you mean", missing fields get the field's own
 * description from the schema, unions report the branch the input was meant for.
 */
import type { z } from 'zod';
import { locate, locateKey, type SourceFile } from '../catalog/source.ts';
import type { ProblemCode } from './codes.ts';
import { formatField, problem, type Problem } from './problem.ts';
import { closest } from './suggest.ts';

type Issue = z.core.$ZodIssue;
type SchemaDef = { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; innerType?: z.ZodType; options?: z.ZodType[]; in?: z.ZodType; valueType?: z.ZodType };

function defOf(schema: z.ZodType): SchemaDef {
  return (schema as unknown as { def: SchemaDef }).def;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    const inner = def.innerType ?? def.in;
    if (!inner) return current;
    current = inner;
  }
}

/** The object schemas a path may lead to (several where a union offers them). */
function objectSchemasAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType[] {
  let candidates = [unwrap(schema)];
  for (const segment of path) {
    candidates = candidates.flatMap((candidate) => {
      const def = defOf(candidate);
      if (def.type === 'union') return def.options!.map(unwrap);
      return [candidate];
    });
    candidates = candidates.flatMap((candidate): z.ZodType[] => {
      const def = defOf(candidate);
      if (def.type === 'object' && typeof segment === 'string' && def.shape![segment]) return [unwrap(def.shape![segment])];
      if (def.type === 'array' && typeof segment === 'number') return [unwrap(def.element!)];
      if (def.type === 'record') return [unwrap(def.valueType!)];
      return [];
    });
  }
  return candidates.flatMap((candidate) => {
    const def = defOf(candidate);
    return def.type === 'union' ? def.options!.map(unwrap) : [candidate];
  });
}

function fieldSchema(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  const key = path.at(-1);
  for (const parent of objectSchemasAt(schema, path.slice(0, -1))) {
    const def = defOf(parent);
    if (def.type === 'object' && typeof key === 'string' && def.shape![key]) return def.shape![key];
  }
  return undefined;
}

function describe(schema: z.ZodType | undefined): string | undefined {
  return schema?.meta()?.description ?? (schema && unwrap(schema).meta()?.description);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return `${typeof value} ${String(value)}`;
}

const EXPECTED: Record<string, string> = {
  object: 'a mapping of fields',
  array: 'a list',
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
};

/** Picks the union branch the author evidently meant: the one that got past the type check. */
function chooseBranch(issue: Extract<Issue, { code: 'invalid_union' }>): Issue[] | undefined {
  const meant = issue.errors.filter((branch) => !branch.some((inner) => inner.code === 'invalid_type' && inner.path.length === 0));
  return meant.length ? meant.reduce((best, branch) => (branch.length < best.length ? branch : best)) : undefined;
}

export function issuesToProblems(issues: readonly Issue[], schema: z.ZodType, source: SourceFile, basePath: PropertyKey[] = []): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = [...basePath, ...issue.path];
    const field = formatField(path);
    const input = (issue as { input?: unknown }).input;
    /** A problem at this issue's field: its value, or its key where the value is missing. */
    const report = (code: ProblemCode, message: string, hint?: string, target: 'key' | 'value' = 'value') =>
      problems.push(problem({ code, file: source.file, field, ...locate(source, path, target), message, hint }));
    switch (issue.code) {
      case 'unrecognized_keys': {
        const known = objectSchemasAt(schema, path).flatMap((object) => Object.keys(defOf(object).shape ?? {}));
        for (const key of issue.keys) {
          const guess = closest(key, known);
          problems.push(
            problem({
              code: 'unknown-key',
              file: source.file,
              field: formatField([...path, key]),
              ...locateKey(source, path, key),
              message: `unknown field "${key}"`,
              hint: guess ? `did you mean "${guess}"?` : `known fields here: ${known.join(', ')}`,
            }),
          );
        }
        break;
      }
      case 'invalid_type': {
        if (input === undefined) {
          report('missing-field', `required field "${String(path.at(-1))}" is missing`, describe(fieldSchema(schema, path)), 'key');
        } else {
          report('invalid-type', `expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${typeName(input)}`, describe(fieldSchema(schema, path)));
        }
        break;
      }
      case 'invalid_union': {
        const branch = chooseBranch(issue);
        if (branch) {
          problems.push(...issuesToProblems(branch, schema, source, path));
        } else {
          const expected = issue.errors.map((inner) => inner.find((i) => i.code === 'invalid_type')).map((i) => (i?.code === 'invalid_type' ? (EXPECTED[i.expected] ?? i.expected) : '?'));
          report('invalid-type', `expected ${expected.join(' or ')}, got ${typeName(input)}`);
        }
        break;
      }
      case 'invalid_value': {
        const guess = typeof input === 'string' ? closest(input, issue.values.map(String)) : undefined;
        report('invalid-value', `${typeName(input)} is not one of: ${issue.values.join(', ')}`, guess ? `did you mean "${guess}"?` : undefined);
        break;
      }
      default:
        report(
          'invalid-value',
          input === undefined || typeof input === 'object' ? issue.message : `${typeName(input)} ${issue.message}`,
          describe(fieldSchema(schema, path)),
        );
    }
  }
  return problems;
}
