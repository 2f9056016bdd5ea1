/** Whether a restaurant takes orders now (`openNow`: its own switch and its opening hours). */
export function OpenWord({ open }: { open: boolean }) {
  return <span className={`status ${open ? 'status-open' : 'status-closed'}`}>{open ? 'Open now' : 'Closed now'}</span>;
}
