/**
 * The kitchen's time left to accept an order, from its acceptBy and the browser's clock. The server decides when the
 * time is up (its journey cancels the order); this only shows it, so a browser clock a little off is harmless.
 */
export function secondsLeft(deadline: string, now: number): number {
  return Math.max(0, Math.ceil((Date.parse(deadline) - now) / 1000));
}

/** mm:ss (minutes past 59 stay minutes: a restaurant may have up to an hour). */
export function formatCountdown(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${String(Math.floor(whole / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
}

/**
 * How long until the shown seconds change: the display flips when the time left crosses a whole second, which is
 * when (deadline - now) is a multiple of 1000 ms, not on the wall clock's seconds. A few ms late, never early.
 */
export function msToNextSecond(deadline: string, now: number): number {
  const left = Date.parse(deadline) - now;
  return (((left % 1000) + 1000) % 1000 || 1000) + 5;
}
