/** Which way the imports run (shared/design.md): checked by `npm run lint:deps`, part of `npm test`. */
/** Where running code starts: the app and its pages, the function handlers, the local cloud's commands, scripts. */
const ENTRY_POINTS = [
  '^src/app[.]tsx$',
  '^src/pages/.+[.]tsx$',
  '^src/custom-tab-bar/index[.]tsx$',
  // Taro's per-platform files: the H5 build takes x.h5.ts wherever x.ts is imported
  '^src/.+[.]h5[.]tsx?$',
  '^cloudfunctions/[^_/][^/]*/index[.]ts$',
  '^local/[^/]+[.]ts$',
  '^local/.+/cli[.]ts$',
  '^scripts/',
];

module.exports = {
  forbidden: [
    {
      name: 'shared-is-plain-rules',
      comment: 'src/shared imports nothing but itself, valibot and dayjs: no Taro, React, SDK, functions or local/.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { pathNot: ['^src/shared/', '^node_modules/(valibot|dayjs)/'] },
    },
    {
      name: 'functions-stay-server-side',
      comment: 'Cloud functions import src/shared and their own _lib, never pages, components, services or local/.',
      severity: 'error',
      from: { path: '^cloudfunctions/' },
      to: { path: ['^src/(?!shared/)', '^local/', '^scripts/', '^test/'] },
    },
    {
      name: 'function-folders-stand-alone',
      comment: 'A function folder never imports another function folder; shared code lives in cloudfunctions/_lib or _domain.',
      severity: 'error',
      from: { path: '^cloudfunctions/([^_/][^/]*)/' },
      to: { path: '^cloudfunctions/(?!_)[^/]+/', pathNot: '^cloudfunctions/$1/' },
    },
    {
      name: 'domain-below-functions',
      comment: 'cloudfunctions/_lib and _domain never import a function folder.',
      severity: 'error',
      from: { path: '^cloudfunctions/_' },
      to: { path: '^cloudfunctions/(?!_)[^/]+/' },
    },
    {
      name: 'app-reaches-cloud-through-services',
      comment: 'The app never imports functions or the local cloud; only src/services calls the cloud.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: ['^cloudfunctions/', '^local/', '^node_modules/wx-server-sdk/'] },
    },
    {
      name: 'only-services-call-the-cloud',
      comment: 'Pages and components get data through src/services, the only caller of Taro.cloud.',
      severity: 'error',
      from: { path: '^src/(pages|components)/' },
      to: { path: '^src/services/gateway' },
    },
    {
      name: 'local-uses-built-functions',
      comment: 'The emulator, runtime and gateway never import function sources: they run the bundles in dist/.',
      severity: 'error',
      from: { path: '^local/' },
      to: { path: '^cloudfunctions/' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles, type-only ones included: shared types live in their own modules.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-orphans',
      comment: 'Every module is imported by something or imports something, except entry points (app, pages, configs, CLIs, scripts, function handlers).',
      severity: 'error',
      from: {
        orphan: true,
        pathNot: [
          '(^|/)[.][^/]+[.](?:js|cjs|mjs|ts|json)$',
          '[.]d[.]ts$',
          '(^|/)tsconfig[.]json$',
          '(^|/)[^/]+[.]config[.](?:js|cjs|mjs|ts)$',
          '^src/app[.](?:tsx|ts|scss)$',
          '^src/pages/.+/index[.](?:tsx|ts|scss)$',
          '^src/pages/[^/]+/[^/]+[.]tsx$',
          '^src/custom-tab-bar/index[.](?:tsx|ts|scss)$',
          '^src/.+[.]h5[.]tsx?$',
          '^cloudfunctions/[^/]+/index[.]ts$',
          '^scripts/',
          '^local/[^/]+[.]ts$',
          '^local/.+/cli[.]ts$',
          '^(test|bench)/',
        ],
      },
      to: {},
    },
    {
      name: 'no-dead-modules',
      comment: 'Every module of the app, functions and local cloud is reachable from an entry point (dead files are removed).',
      severity: 'error',
      from: { path: ENTRY_POINTS },
      to: { path: '^(src|cloudfunctions|local)/', pathNot: [...ENTRY_POINTS, '[.]d[.]ts$', '[.]config[.]ts$'], reachable: false },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules|test-results)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
