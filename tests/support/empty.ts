// Stands in for the "server-only" marker package outside Next's server bundles (vitest, tsx).
export {};
