import { MAX_AMOUNT_FEN, yuanToFen, type Fen } from '@shared/money'

/** Why a typed amount was refused: an i18n key under each form's `errors`. */
export type AmountError = 'required' | 'yuan' | 'positive' | 'tooBig'

/** A positive amount typed in yuan (up to two decimals) → whole fen, or what is wrong with it. */
export function parsePositiveYuan(text: string): { fen: Fen } | { error: AmountError } {
  if (text.trim() === '') return { error: 'required' }
  try {
    const fen = yuanToFen(text)
    if (fen <= 0) return { error: 'positive' }
    if (fen > MAX_AMOUNT_FEN) return { error: 'tooBig' }
    return { fen }
  } catch {
    return { error: 'yuan' }
  }
}
