/**
 * The browser tests drive Debian's Chromium through playwright-core (no browser download). Without it they skip
 * with a message; in CI (`CORRIDOR_REQUIRE_SERVICES=1`) a missing browser fails the run, like a missing service.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const REQUIRED = process.env.CORRIDOR_REQUIRE_SERVICES === '1';

/** The Chromium binary: CORRIDOR_CHROMIUM, or Debian's package (`apt-get install chromium`). */
export function chromiumPath(): string | undefined {
  const path = process.env.CORRIDOR_CHROMIUM ?? '/usr/bin/chromium';
  if (existsSync(path)) return path;
  if (REQUIRED) throw new Error(`no Chromium at ${path}, but CORRIDOR_REQUIRE_SERVICES=1 requires the browser tests`);
  console.warn(`skipping browser tests: no Chromium at ${path} (apt-get install -y chromium, or set CORRIDOR_CHROMIUM)`);
  return undefined;
}

/** Headless, with WebGL on the software renderer, as a machine without a GPU has it. */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'],
  });
}

/**
 * What the map page leaves on `window` for the browser tests and the map benchmark, as far as they use it; the
 * functions given to `page.evaluate` run in the page, but are type-checked here, where there is no DOM.
 */
export interface MapWindow {
  corridorMap?: {
    map: {
      loaded(): boolean;
      queryRenderedFeatures(options: { layers: string[] }): Array<{ geometry: { coordinates: number[] }; properties: Record<string, unknown> }>;
      project(lonLat: [number, number]): { x: number; y: number };
      getCanvas(): { getBoundingClientRect(): { left: number; top: number } };
      once(event: 'idle', listener: () => void): void;
    };
    seals: { size: number; put(reports: unknown[]): void; get(deviceId: string): { lon: number; lat: number } | undefined };
  };
}
