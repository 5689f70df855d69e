/**
 * The command-line switches of every headless Chromium Trame starts: the
 * report renderer's, and the test suite's and benchmarks' through it.
 */

/**
 * Playwright's own `--disable-features` list (playwright-core 1.65, pinned in
 * package.json). Chromium keeps only the last `--disable-features` it is
 * given, so ours must carry Playwright's too, or it would switch them back
 * on; `test/integration/chromiumSwitches.test.ts` fails when an upgrade adds one.
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
] as const;

/**
 * Debian's Chromium runs headless as the full browser, and each new window
 * (each playwright context) renders the address bar's two suggestion popups
 * as web pages in a renderer of its own: about 2.4 s of processor for nothing
 * on screen, and a process kept alive beside the report's page.
 */
const OUR_DISABLED_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

export const CHROMIUM_SWITCHES = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...OUR_DISABLED_FEATURES].join(',')}`,
];
