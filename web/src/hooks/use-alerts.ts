import { useCallback, useState } from 'react';

export interface AlertMessage {
  id: number;
  text: string;
}

let nextId = 1;

/** Messages the view announces (role="alert") until dismissed. */
export function useAlerts(): { alerts: AlertMessage[]; raise: (text: string) => void; dismiss: (id: number) => void } {
  const [alerts, setAlerts] = useState<AlertMessage[]>([]);
  const raise = useCallback((text: string) => setAlerts((list) => [...list.slice(-4), { id: nextId++, text }]), []);
  const dismiss = useCallback((id: number) => setAlerts((list) => list.filter((alert) => alert.id !== id)), []);
  return { alerts, raise, dismiss };
}
