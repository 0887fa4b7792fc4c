/**
 * MLflow's tracking data as both stores (the mlruns/ folder and the SQLite
 * database) hold it, read into one shape that records.ts maps to the catalog.
 */
import type { RunHistory } from '../metric-history.ts';

export interface MlflowExperiment {
  id: string;
  name: string;
  creationTime?: number;
  tags: Record<string, string>;
}

export interface MlflowDatasetInput {
  name: string;
  digest: string;
  /** e.g. local, http, s3, hugging_face, code. */
  sourceType: string;
  /** JSON text describing where the data is, e.g. {"uri": "…"}. */
  source: string;
  /** mlflow.data.context input tag: training, validation, testing… */
  context?: string;
}

export interface MlflowArtifact {
  /** Path inside the run's artifact folder, with "/" separators. */
  path: string;
  /** Path relative to the source folder, for URLs under --files-url. */
  sourcePath: string;
  absolute: string;
  size: number;
}

export interface MlflowRun {
  id: string;
  experimentId: string;
  name?: string;
  /** RUNNING, SCHEDULED, FINISHED, FAILED or KILLED. */
  status: string;
  startTime?: number;
  endTime?: number;
  userId?: string;
  params: Record<string, string>;
  tags: Record<string, string>;
  /** The run's metric history, already written to a scratch file (metric-history.ts). */
  metrics: RunHistory;
  /** Final values as the store keeps them (the SQL store's latest_metrics); else computed from the series. */
  latest?: Record<string, number>;
  inputs: MlflowDatasetInput[];
  artifacts: MlflowArtifact[];
  /** Hash of the files the run was read from (file store only, source-digest.ts). */
  sourceDigest?: string;
  /** The catalog's record was imported from these very files: metrics and artifacts were not read. */
  sourceUnchanged?: boolean;
}

export interface MlflowStore {
  experiments: MlflowExperiment[];
  runs: MlflowRun[];
}

/** The file store writes statuses as the numbers of MLflow's RunStatus enum. */
export const statusNames: Record<number, string> = { 1: 'RUNNING', 2: 'SCHEDULED', 3: 'FINISHED', 4: 'FAILED', 5: 'KILLED' };

/** MLflow run statuses as the run schema's runStatus; a scheduled run has not started, so it counts as running. */
export const runStatuses: Record<string, 'running' | 'finished' | 'failed' | 'killed'> = {
  RUNNING: 'running',
  SCHEDULED: 'running',
  FINISHED: 'finished',
  FAILED: 'failed',
  KILLED: 'killed',
};

/** Tags MLflow sets itself (mlflow.*), by what they tell. */
export const systemTags = {
  runName: 'mlflow.runName',
  user: 'mlflow.user',
  note: 'mlflow.note.content',
  parentRun: 'mlflow.parentRunId',
  sourceName: 'mlflow.source.name',
  entryPoint: 'mlflow.project.entryPoint',
  gitCommit: 'mlflow.source.git.commit',
  gitRepository: 'mlflow.source.git.repoURL',
  /** Older clients wrote the repository here. */
  gitRepositoryLegacy: 'mlflow.gitRepoURL',
  datasetContext: 'mlflow.data.context',
} as const;
