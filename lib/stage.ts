export const STAGES = ['dev', 'prod'] as const;
export type Stage = (typeof STAGES)[number];

/** `prod` keeps data and logs when a stack is deleted; `dev` cleans up after itself. */
export const isProduction = (stage: Stage): boolean => stage === 'prod';

export function parseStage(value: unknown): Stage {
  const stage = value ?? 'dev';
  if (!STAGES.includes(stage as Stage)) {
    throw new Error(`Unknown stage ${JSON.stringify(stage)}: pass -c stage=dev or -c stage=prod`);
  }
  return stage as Stage;
}

/** The stage as it appears in stack names: `dev` -> `Dev`. */
export const stageTitle = (stage: Stage): string => stage.charAt(0).toUpperCase() + stage.slice(1);
