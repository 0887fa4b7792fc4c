/**
 * Which way is better for a metric. Losses and errors go down, scores go up;
 * the name decides, as in MLflow and W&B dashboards.
 */
const LOWER_IS_BETTER = /loss|error|err\b|rmse|mse|mae|perplexity|ppl|ece|wer|cer|fid|distance|latency|time/i;

export function lowerIsBetter(metric: string): boolean {
  return LOWER_IS_BETTER.test(metric);
}

export function best(metric: string, values: readonly number[]): number | undefined {
  if (!values.length) return undefined;
  return lowerIsBetter(metric) ? Math.min(...values) : Math.max(...values);
}
