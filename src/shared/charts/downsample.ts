/**
 * Largest-Triangle-Three-Buckets (Steinarsson, 2013): keeps the shape of a long series in at
 * most `maxPoints` points. Besides LTTB's own choice (first, last, and per bucket the point
 * that spans the largest triangle with its neighbours), the points with the largest and the
 * smallest value, and any the caller marks as `keep` (today, a payment), are always kept, so a
 * chart never loses its peak or a marker. Values are plain numbers (fen as integers): the
 * triangle areas only rank points, they never become amounts.
 */
export function downsample<T>(
  points: readonly T[],
  maxPoints: number,
  value: (point: T) => number,
  keep: (point: T) => boolean = () => false,
): T[] {
  if (points.length <= maxPoints || points.length <= 2) return [...points]
  const kept = new Set<number>([0, points.length - 1])
  let max = 0
  let min = 0
  points.forEach((point, index) => {
    if (value(point) > value(points[max]!)) max = index
    if (value(point) < value(points[min]!)) min = index
    if (keep(point)) kept.add(index)
  })
  kept.add(max)
  kept.add(min)
  const budget = maxPoints - kept.size
  if (budget <= 0) return [...kept].sort((a, b) => a - b).map((index) => points[index]!)

  // LTTB over the whole series with `budget` buckets between the first and the last point.
  const chosen = new Set(kept)
  const bucketSize = (points.length - 2) / budget
  let previous = 0
  for (let bucket = 0; bucket < budget; bucket++) {
    const start = Math.floor(bucket * bucketSize) + 1
    const end = Math.min(Math.floor((bucket + 1) * bucketSize) + 1, points.length - 1)
    if (start >= end) continue
    // The average of the next bucket (or the last point) is the triangle's third corner.
    const nextStart = end
    const nextEnd = Math.min(Math.floor((bucket + 2) * bucketSize) + 1, points.length)
    let averageX = 0
    let averageY = 0
    for (let i = nextStart; i < nextEnd; i++) {
      averageX += i
      averageY += value(points[i]!)
    }
    const count = Math.max(nextEnd - nextStart, 1)
    averageX /= count
    averageY /= count
    let best = start
    let bestArea = -1
    const previousY = value(points[previous]!)
    for (let i = start; i < end; i++) {
      const area = Math.abs(
        (previous - averageX) * (value(points[i]!) - previousY) -
          (previous - i) * (averageY - previousY),
      )
      if (area > bestArea) {
        bestArea = area
        best = i
      }
    }
    chosen.add(best)
    previous = best
  }
  return [...chosen].sort((a, b) => a - b).map((index) => points[index]!)
}
