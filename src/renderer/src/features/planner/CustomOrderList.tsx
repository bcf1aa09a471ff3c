import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from 'react-aria-components'

export interface OrderItem {
  id: number
  name: string
}

type Direction = 'up' | 'down'

/**
 * The user's own order: a numbered list with Move up / Move down buttons on each loan. After a
 * move, focus stays on the moved loan's button (or its other one, at the top or the bottom), so
 * a keyboard user can keep moving the same loan.
 */
export function CustomOrderList({
  items,
  onChange,
}: {
  items: OrderItem[]
  onChange: (ids: number[]) => void
}) {
  const { t } = useTranslation()
  const buttons = useRef(new Map<string, HTMLButtonElement>())
  /** The button to focus once the list has been re-rendered in its new order. */
  const focusAfterMove = useRef<string | null>(null)

  useEffect(() => {
    if (focusAfterMove.current === null) return
    buttons.current.get(focusAfterMove.current)?.focus()
    focusAfterMove.current = null
  }, [items])

  const move = (index: number, direction: Direction) => {
    const target = direction === 'up' ? index - 1 : index + 1
    const ids = items.map((item) => item.id)
    const [id] = ids.splice(index, 1)
    if (id === undefined) return
    ids.splice(target, 0, id)
    const atEdge = direction === 'up' ? target === 0 : target === ids.length - 1
    focusAfterMove.current = `${id}:${atEdge ? (direction === 'up' ? 'down' : 'up') : direction}`
    onChange(ids)
  }

  const register = (key: string) => (element: HTMLButtonElement | null) => {
    if (element === null) buttons.current.delete(key)
    else buttons.current.set(key, element)
  }

  return (
    <div className="custom-order" data-testid="custom-order">
      <h3 id="custom-order-title" className="custom-order-title">
        {t('planner.customTitle')}
      </h3>
      <p className="field-hint">{t('planner.customHint')}</p>
      <ol className="custom-order-list" aria-labelledby="custom-order-title">
        {items.map((item, index) => (
          <li key={item.id} className="custom-order-item" data-testid={`custom-order-${item.id}`}>
            <span className="custom-order-position" aria-hidden="true">
              {index + 1}
            </span>
            <span className="custom-order-name">{item.name}</span>
            <span className="custom-order-buttons">
              <Button
                ref={register(`${item.id}:up`)}
                className="button button-small"
                aria-label={t('planner.moveUpLabel', { name: item.name })}
                isDisabled={index === 0}
                onPress={() => move(index, 'up')}
              >
                {t('planner.moveUp')}
              </Button>
              <Button
                ref={register(`${item.id}:down`)}
                className="button button-small"
                aria-label={t('planner.moveDownLabel', { name: item.name })}
                isDisabled={index === items.length - 1}
                onPress={() => move(index, 'down')}
              >
                {t('planner.moveDown')}
              </Button>
            </span>
          </li>
        ))}
      </ol>
    </div>
  )
}
