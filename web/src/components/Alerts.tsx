import type { AlertMessage } from '../hooks/use-alerts.js';

export function Alerts({ alerts, dismiss }: { alerts: readonly AlertMessage[]; dismiss: (id: number) => void }) {
  return (
    <div className="alerts">
      {alerts.map((alert) => (
        <div key={alert.id} className="alert" role="alert">
          <span>{alert.text}</span>
          <button type="button" className="quiet" onClick={() => dismiss(alert.id)} aria-label="Dismiss message">
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
