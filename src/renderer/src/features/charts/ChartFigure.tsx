import type { ReactNode } from 'react'

/** A chart as every screen shows one: its title, a one-line reading of it if any, the chart. */
export function ChartFigure({
  testId,
  title,
  summary,
  children,
}: {
  testId: string
  title: string
  summary?: string
  children: ReactNode
}) {
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>
        <h3>{title}</h3>
        {summary !== undefined && <p className="muted">{summary}</p>}
      </figcaption>
      {children}
    </figure>
  )
}
