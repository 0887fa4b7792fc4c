/**
 * JSON as Python's json module writes it (wandb's value_json, its .jsonl
 * files): standard JSON, except that non-finite floats are spelled bare as
 * NaN, Infinity and -Infinity. Throws on text that is not JSON, as JSON.parse does.
 */
const BARE = /(?<=^\s*|[:[,]\s*)(-?Infinity|NaN)(?=\s*(?:[,\]}]|$))/g;
const numbers: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };
/** Bare non-finite numbers become strings that start with NUL, written as a JSON escape, which no value wandb logs holds. */
const MARK = '\u0000';

export function parsePythonJson(text: string): unknown {
  return JSON.parse(text.replace(BARE, '"\\u0000$1"'), (_key, value: unknown) =>
    typeof value === 'string' && value.startsWith(MARK) ? numbers[value.slice(MARK.length)] : value,
  );
}
