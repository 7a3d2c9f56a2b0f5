/**
 * mulberry32: a small seeded pseudo-random generator, so generated data and property tests are
 * the same on every run and platform (only integer maths and one division). One copy, kept with
 * the statistics that also need it (the seeded bootstrap).
 */
export { mulberry32 } from '../src/model/stats/intervals';
