/** What a data source hands the response handler: `ctx.result`, or `ctx.error`. */
export interface DataSourceOutcome {
  result?: unknown;
  error?: { message: string; type: string; data?: unknown };
}

/** A data source as the engine sees it: a request object in, an outcome out. */
export type DataSource = (request: unknown) => Promise<DataSourceOutcome>;

/** NONE data sources hand the request's `payload` straight to the response handler. */
export const noneDataSource: DataSource = async (request) => ({
  result: (request as { payload?: unknown } | null)?.payload ?? null,
});
