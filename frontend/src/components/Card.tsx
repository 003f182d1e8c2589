import { useId, type ReactNode } from "react";

interface CardProps {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}

export function Card({ title, children, actions }: CardProps) {
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId}>
      <header className="card__header">
        <h2 className="card__title" id={headingId}>
          {title}
        </h2>
        {actions}
      </header>
      <div className="card__body">{children}</div>
    </section>
  );
}
