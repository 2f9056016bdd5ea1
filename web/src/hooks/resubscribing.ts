/** After a subscription ends in an error, how long before it is started again. */
const RESUBSCRIBE_MS = 3_000;

/**
 * Starts a subscription and starts it again whenever it ends in an error (Amplify reconnects a dropped socket by
 * itself, but a subscription refused or ended stays ended); answers the cleanup for a React effect.
 */
export function resubscribing(subscribe: (onError: () => void) => () => void): () => void {
  let stop = (): void => undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let ended = false;
  const start = (): void => {
    stop = subscribe(() => {
      if (!ended) retry = setTimeout(start, RESUBSCRIBE_MS);
    });
  };
  start();
  return () => {
    ended = true;
    clearTimeout(retry);
    stop();
  };
}
