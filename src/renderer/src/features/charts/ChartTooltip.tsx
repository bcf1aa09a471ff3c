import type { ReactNode } from 'react'

export interface TooltipRow {
  label: string
  value: string
  color?: string
}

/** A tooltip box with exact amounts: recharts hands it the hovered point; callers format it. */
export function ChartTooltipBox({
  title,
  rows,
  footer,
}: {
  title: string
  rows: TooltipRow[]
  footer?: ReactNode
}) {
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip-title">{title}</p>
      <table>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">
                {row.color !== undefined && (
                  <span
                    className="chart-swatch"
                    style={{ background: row.color }}
                    aria-hidden="true"
                  />
                )}
                {row.label}
              </th>
              <td>{row.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {footer}
    </div>
  )
}
