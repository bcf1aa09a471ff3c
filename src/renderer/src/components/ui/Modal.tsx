import type { ReactNode } from 'react'
import { Dialog, Heading, Modal as AriaModal, ModalOverlay } from 'react-aria-components'

/**
 * A modal dialog (React Aria): focus moves in and is trapped, Escape and a click outside close
 * it, focus returns to what opened it. Children may be a function receiving `close`.
 */
export function Modal({
  title,
  isOpen,
  onOpenChange,
  children,
  size = 'normal',
  testId,
}: {
  title: string
  isOpen: boolean
  onOpenChange: (open: boolean) => void
  children: ReactNode | ((close: () => void) => ReactNode)
  size?: 'normal' | 'wide'
  testId?: string
}) {
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable
    >
      <AriaModal className={`modal modal-${size}`}>
        <Dialog className="dialog" data-testid={testId}>
          {({ close }) => (
            <>
              <Heading slot="title" className="dialog-title">
                {title}
              </Heading>
              {typeof children === 'function' ? children(close) : children}
            </>
          )}
        </Dialog>
      </AriaModal>
    </ModalOverlay>
  )
}
