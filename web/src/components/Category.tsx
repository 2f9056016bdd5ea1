import { type ReactNode, useId } from 'react';

/** A menu category: a region and a list, both named by its heading. */
export function Category({ name, children }: { name: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="category" aria-labelledby={id}>
      <h3 id={id}>{name}</h3>
      <ul className="menu" aria-labelledby={id}>
        {children}
      </ul>
    </section>
  );
}
