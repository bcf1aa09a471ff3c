import fc from 'fast-check'

/**
 * Property and fuzz tests run from a fixed seed, so that `npm test` gives the same verdict on
 * every run; set PROPERTY_SEED to explore other inputs (and PROPERTY_RUNS for more of them).
 */
fc.configureGlobal({ seed: Number(process.env.PROPERTY_SEED ?? 20_261_126) })
