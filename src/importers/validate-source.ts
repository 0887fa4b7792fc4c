/**
 * Checks a parsed source file against a zod schema of what the tool writes,
 * so that a malformed file is reported with the key and what is wrong.
 */
import type { z } from 'zod';
import { formatField } from '../diagnostics/problem.ts';
import { problemAt } from './source-files.ts';
import type { Read } from './types.ts';

export function validateSource<S extends z.ZodType>(schema: S, data: unknown, path: string): Read<z.infer<S>> {
  const result = schema.safeParse(data);
  if (result.success) return { value: result.data };
  return {
    problems: result.error.issues.map((issue) => {
      const field = formatField(issue.path);
      return problemAt(path, field ? `${field}: ${issue.message}` : issue.message, { field: field || undefined });
    }),
  };
}
