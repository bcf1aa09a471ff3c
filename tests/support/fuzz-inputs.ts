import fc from 'fast-check'

/**
 * Invalid API inputs made from valid ones, for tests/db/api-fuzz.test.ts: each mutation takes a
 * valid input and breaks it in one place — a key deleted or set to undefined, a value of the
 * wrong type, a number out of range or not whole, an impossible date, an unknown key on an
 * object, a huge string. A mutation may happen to leave the input valid (an optional key
 * deleted, say): the test asks the contract which it is, so the helpers need not know.
 */

export type Segment = string | number
export type Path = readonly Segment[]

function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

/** Every node of a JSON-like value, the root (`[]`) included, with its path. */
export function nodesOf(value: unknown, path: Path = []): { path: Path; value: unknown }[] {
  const nodes: { path: Path; value: unknown }[] = [{ path, value }]
  if (Array.isArray(value)) {
    value.forEach((item, index) => nodes.push(...nodesOf(item, [...path, index])))
  } else if (isRecord(value)) {
    for (const [key, item] of Object.entries(value)) nodes.push(...nodesOf(item, [...path, key]))
  }
  return nodes
}

/** Paths whose node satisfies `test`. */
export function pathsWhere(value: unknown, test: (node: unknown) => boolean): Path[] {
  return nodesOf(value)
    .filter((node) => test(node.value))
    .map((node) => node.path)
}

/** Paths of object properties (not array elements): the keys a mutation can delete. */
export function keyPaths(value: unknown): Path[] {
  return nodesOf(value)
    .map((node) => node.path)
    .filter((path) => path.length > 0 && typeof path[path.length - 1] === 'string')
}

/** Sets an own property, even one named `__proto__` (plain assignment would set the prototype). */
function define(target: object, key: Segment, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  })
}

function cloneShallow(value: unknown): unknown {
  if (Array.isArray(value)) return [...(value as unknown[])]
  if (isRecord(value)) return { ...value }
  return value
}

/**
 * A copy of `root` (copied only along `path`, the rest shared) in which the node at `path` is
 * passed through `change`. The root path replaces the whole value.
 */
export function updateAt(root: unknown, path: Path, change: (node: unknown) => unknown): unknown {
  if (path.length === 0) return change(root)
  const [head, ...rest] = path as [Segment, ...Segment[]]
  const copy = cloneShallow(root)
  if (typeof copy !== 'object' || copy === null) return copy
  define(copy, head, updateAt((copy as Record<Segment, unknown>)[head], rest, change))
  return copy
}

/** `root` with the node at `path` replaced by `next` (an own property even for `__proto__`). */
export function setAt(root: unknown, path: Path, next: unknown): unknown {
  if (path.length === 0) return next
  const parentPath = path.slice(0, -1)
  const key = path[path.length - 1]!
  return updateAt(root, parentPath, (parent) => {
    const copy = cloneShallow(parent)
    if (typeof copy === 'object' && copy !== null) define(copy, key, next)
    return copy
  })
}

/** `root` without the property at `path` (an array element is removed, shifting the rest). */
export function deleteAt(root: unknown, path: Path): unknown {
  if (path.length === 0) return undefined
  const parentPath = path.slice(0, -1)
  const key = path[path.length - 1]!
  return updateAt(root, parentPath, (parent) => {
    const copy = cloneShallow(parent)
    if (Array.isArray(copy) && typeof key === 'number') copy.splice(key, 1)
    else if (typeof copy === 'object' && copy !== null)
      delete (copy as Record<Segment, unknown>)[key]
    return copy
  })
}

/** Anything at all, including values JSON cannot carry (Maps, Dates, BigInts, sparse arrays…). */
export const anyValue: fc.Arbitrary<unknown> = fc.anything({
  maxDepth: 3,
  maxKeys: 5,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
})

/** One value of each JSON type and then some, to put where another type belongs. */
export const wrongTypeValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, undefined, true, false, 0, 1, -1, '', '1', 'true', [], {}, [1]),
  fc.string({ maxLength: 10 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
)

const SPECIAL_NUMBERS = [
  0,
  -0,
  -1,
  0.5,
  1.5,
  -1.5,
  0.1,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.EPSILON,
  Number.MIN_VALUE,
  Number.MAX_VALUE,
  Number.MAX_SAFE_INTEGER + 1,
  Number.MAX_SAFE_INTEGER + 2,
  2 ** 53,
  2 ** 31,
  -(2 ** 31),
  1e21,
  -1e21,
  // One past the limits the contract sets on counts and ranges.
  31,
  61,
  121,
  367,
  601,
  1_001,
  3_651,
]

/** Numbers a careless check lets through: out of range, not whole, not finite, unsafe. */
export function badNumberFor(current: number): fc.Arbitrary<number> {
  return fc.oneof(
    fc.constantFrom(...SPECIAL_NUMBERS),
    fc.constantFrom(current + 0.5, current - 0.25, -current, current * 1e15, current + 2 ** 53),
    fc.double(),
    fc.integer({ min: -1_000_000, max: 0 }),
  )
}

export const IMPOSSIBLE_DATES = [
  '2026-02-30',
  '2026-02-29',
  '2025-02-29',
  '2100-02-29',
  '2026-04-31',
  '2026-13-01',
  '2026-00-10',
  '2026-04-00',
  '2026-4-16',
  '26-04-16',
  '2026/04/16',
  '2026.04.16',
  '20260416',
  '2026-04-16T00:00',
  '2026-04-16T00:00:00Z',
  ' 2026-04-16',
  '2026-04-16 ',
  '2026-04-16\n',
  '0000-00-00',
  '+02026-04-16',
  '-0001-01-01',
  '１９９９-01-01',
  '99999-01-01',
  'not a date',
  '',
]

/** Strings a careless check lets through where a date, an enum member or a name belongs. */
export const badString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...IMPOSSIBLE_DATES),
  fc.constantFrom('', ' ', '\t\n', '\u0000', 'null', 'undefined', 'NaN', '-1', '1e3', 'ＡＰＰ'),
  fc.string({ maxLength: 12, unit: 'binary' }),
  fc.string({ maxLength: 12, unit: 'grapheme' }),
)

let hugeSource: string | undefined
/** A string of `length` characters (one shared allocation, sliced). */
export function hugeString(length: number): string {
  hugeSource ??= 'x'.repeat(20_000_001)
  return hugeSource.slice(0, length)
}

/** Longer than every `max` the contract sets on text (notes 5,000; CSV 20,000,000). */
export const hugeStringValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(101, 1_001, 5_001, 100_001).map(hugeString),
  fc.constant(20_000_001).map(hugeString),
  // Whitespace around: trimmed away it may fit, which the contract then decides.
  fc.constantFrom(1_001, 5_001).map((length) => ` ${hugeString(length)} `),
)

const extraKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('extra', 'ID', 'id ', ' id', 'Id', 'constructor', 'toString', '__proto__', ''),
  fc.string({ minLength: 1, maxLength: 8 }),
)

/** One mutation of `value` at a random place; each kind only where it applies. */
export function mutationOf(value: unknown): fc.Arbitrary<unknown> {
  const nodes = nodesOf(value)
  const all = nodes.map((node) => node.path)
  const keys = keyPaths(value)
  const numbers = nodes.filter(
    (node): node is { path: Path; value: number } => typeof node.value === 'number',
  )
  const strings = pathsWhere(value, (node) => typeof node === 'string')
  const objects = pathsWhere(value, isRecord)
  const pick = (paths: Path[]) => fc.constantFrom(...paths)

  const options: fc.Arbitrary<unknown>[] = [
    fc.tuple(pick(all), wrongTypeValue).map(([path, next]) => setAt(value, path, next)),
    fc.tuple(pick(all), anyValue).map(([path, next]) => setAt(value, path, next)),
  ]
  if (keys.length > 0) {
    options.push(pick(keys).map((path) => deleteAt(value, path)))
    // Present but undefined: JSON drops such a key, structured clone (IPC) keeps it.
    options.push(pick(keys).map((path) => setAt(value, path, undefined)))
  }
  if (numbers.length > 0) {
    options.push(
      fc
        .constantFrom(...numbers)
        .chain((node) => badNumberFor(node.value).map((next) => setAt(value, node.path, next))),
    )
  }
  if (strings.length > 0) {
    options.push(fc.tuple(pick(strings), badString).map(([path, next]) => setAt(value, path, next)))
    options.push(
      fc.tuple(pick(strings), hugeStringValue).map(([path, next]) => setAt(value, path, next)),
    )
  }
  if (objects.length > 0) {
    options.push(
      fc
        .tuple(pick(objects), extraKey, anyValue)
        .map(([path, key, next]) => setAt(value, [...path, key], next)),
    )
  }
  return fc.oneof(...options)
}

/** Valid inputs broken in one place, sometimes two. */
export function mutated(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: valid.chain(mutationOf), weight: 4 },
    { arbitrary: valid.chain(mutationOf).chain(mutationOf), weight: 1 },
  )
}

/**
 * What each API method is fed: valid inputs, valid inputs broken (`mutated`), and anything at
 * all as the whole input.
 */
export function fuzzInputs(valid: fc.Arbitrary<unknown>, validWeight = 3): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: valid, weight: validWeight },
    { arbitrary: mutated(valid), weight: 6 },
    { arbitrary: anyValue, weight: 1 },
  )
}
