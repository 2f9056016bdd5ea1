/**
 * AppSync's field-level log level of each stage: infra/stage.ts deploys these, and `npm start` logs at dev's
 * unless FIELD_LOG_LEVEL says otherwise, so that offline shows what the dev stage's CloudWatch logs would.
 */
export const STAGE_FIELD_LOG_LEVELS = { dev: 'ALL', prod: 'ERROR' } as const;
