/**
 * Command-line flags for the headless Debian Chromium that tests and the bench start. Without the
 * background-traffic flags Chromium keeps trying to reach Google's hosts, which this offline
 * machine refuses noisily; as root it needs --no-sandbox.
 */
export const HEADLESS_CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The flags that load one unpacked extension and no other. */
export function extensionFlags(extensionDir: string): string[] {
  return [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`];
}
