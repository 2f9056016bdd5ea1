import { useEffect, useState } from 'react';
import { msToNextSecond } from '../state/countdown.js';

/**
 * The browser's time, moving each time the seconds left until `deadline` change, and no more once it has passed
 * (null: not moving at all). Only the component showing a countdown re-renders each second, not its whole board.
 */
export function useClockUntil(deadline: string | null): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (deadline === null) return undefined;
    const end = Date.parse(deadline);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = (): void => {
      const time = Date.now();
      setNow(time);
      if (time < end) timer = setTimeout(tick, msToNextSecond(deadline, time));
    };
    tick();
    return () => clearTimeout(timer);
  }, [deadline]);
  return now;
}
