import { Card, Typography } from "antd";
import { useId, type ReactNode } from "react";

interface SectionProps {
  title: string;
  extra?: ReactNode;
  children: ReactNode;
  testId?: string;
}

/** One part of the task page: a card whose heading is the page's h2 for that part. */
export function Section({ title, extra, children, testId }: SectionProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} data-testid={testId}>
      <Card
        title={
          <Typography.Title level={2} className="task-section-title" id={headingId}>
            {title}
          </Typography.Title>
        }
        extra={extra}
      >
        {children}
      </Card>
    </section>
  );
}
