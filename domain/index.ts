// The project's vocabulary, defined once: indicator names and labels, settings, agreement statuses, kinds and
// roles, the prescriber key and the colour palette. Plain TypeScript that imports nothing, so the core, the
// deck engine, the reports and the page (without bundling zod or Node) all take their words from here.
export * from './agreements';
export * from './definitions';
export * from './indicators';
export * from './palette';
export * from './people';
export * from './settings';
