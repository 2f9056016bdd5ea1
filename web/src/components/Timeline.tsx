import type { Order } from '../state/order-set.js';
import { clockTime, customerTimeline } from '../state/timeline.js';

/** The order's journey for its customer, oldest first, each step with its time of day. */
export function Timeline({ order }: { order: Order }) {
  const entries = customerTimeline(order);
  if (entries.length === 0) return null;
  return (
    <ol className="timeline" aria-label="Timeline">
      {entries.map((entry) => (
        <li key={entry.key}>
          <time dateTime={entry.at}>{clockTime(entry.at)}</time> <span className="event">{entry.text}</span>
        </li>
      ))}
    </ol>
  );
}
