/**
 * The console's map with 20,000 seals, in headless Chromium on the software WebGL renderer (SwiftShader), as a
 * machine without a GPU has it: the time from opening the map page to the first frame that draws the seals
 * (fetching every latest position included), then frames per second while every seal moves once a second and
 * the map pans on every frame, so each frame is drawn anew.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createHttpServer } from '../src/adapters/http/server.js';
import { openPlatform } from '../src/apps/platform.js';
import type { Position } from '../src/core/model/index.js';
import { createRng } from '../src/core/random/index.js';
import { chromiumPath, launchChromium, type MapWindow } from '../test/support/browser.js';
import { buildConsole } from '../test/support/console-world.js';

const PASSWORD = 'bench-password-1';
const MOVING_SECONDS = 10;

/**
 * What the functions run in the page use beyond the tests' view of the map, typed here, where there is no DOM.
 */
type BenchWindow = MapWindow & {
  corridorMap?: { map: { panBy(offset: [number, number], options: { animate: boolean }): void } };
  location: { hash: string };
  requestAnimationFrame(callback: (now: number) => void): number;
  document: { createElement(tag: 'canvas'): { getContext(kind: 'webgl2'): { getExtension(name: string): unknown; getParameter(name: number): unknown } | null } };
};

/** Seals scattered over the region of the corridor, locked and reporting; every fiftieth in alarm. */
function sealPositions(count: number, now: number): Position[] {
  const rng = createRng('console-map-bench');
  return Array.from({ length: count }, (_, index) => ({
    deviceId: `bench-${String(index).padStart(5, '0')}`,
    deviceTime: now - 30_000,
    receivedTime: now - 29_000,
    lat: 40 + rng.next() * 15,
    lon: 50 + rng.next() * 30,
    speed: 60,
    course: Math.floor(rng.next() * 360),
    valid: true,
    attributes: {},
    seal: { locked: true, tamper: index % 50 === 0 },
  }));
}

/**
 * Frames per second in the page for MOVING_SECONDS: with `pan`, the map moves on every frame, so every frame is
 * drawn anew; with `move`, every seal reports a new position once a second.
 */
function framesPerSecond(page: Page, count: number, pan: boolean, move: boolean) {
  return page.evaluate(
    async ({ seconds, positions, pan, move }) => {
      const win = globalThis as unknown as BenchWindow;
      const { map, seals: source } = win.corridorMap!;
      const frames: number[] = [];
      const start = performance.now();
      let lastMove = start;
      let step = 0;
      for (let now = start; now - start < seconds * 1000; ) {
        now = await new Promise<number>((resolve) => win.requestAnimationFrame(resolve));
        frames.push(now);
        if (pan) map.panBy([2, 1], { animate: false });
        if (move && now - lastMove >= 1000) {
          lastMove = now;
          step += 1;
          const shift = step * 0.01;
          source.put(positions.map((position) => ({ ...position, lon: position.lon + shift, deviceTime: new Date(Date.now() + step).toISOString(), receivedTime: new Date().toISOString() })));
        }
      }
      const gaps = frames.slice(1).map((at, index) => at - frames[index]!).sort((a, b) => a - b);
      return { fps: (frames.length - 1) / ((frames.at(-1)! - frames[0]!) / 1000), p95FrameMs: gaps[Math.floor(gaps.length * 0.95)] ?? 0, maxFrameMs: gaps.at(-1) ?? 0 };
    },
    {
      seconds: MOVING_SECONDS,
      pan,
      move,
      positions: sealPositions(count, Date.now()).map((position) => ({
        deviceId: position.deviceId,
        lat: position.lat,
        lon: position.lon,
        speed: position.speed,
        course: position.course,
        valid: position.valid,
        seal: position.seal,
      })),
    },
  );
}

export async function consoleMapBenchmarks(seals = 20_000): Promise<object[]> {
  const executable = chromiumPath();
  if (!executable) return [];
  const consoleDir = mkdtempSync(join(tmpdir(), 'corridor-console-bench-'));
  await buildConsole(consoleDir);
  const platform = await openPlatform(':memory:');
  await platform.auth.ensureAdmin(PASSWORD);
  await platform.store.positions.insertMany(sealPositions(seals, Date.now()));
  const app = await createHttpServer(platform, { consoleDir });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await launchChromium(executable);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${url}/#/declarations`);
    await page.fill('input[name=username]', 'admin');
    await page.fill('input[name=password]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('header');

    const firstRenderMs = await page.evaluate(async (count) => {
      const start = performance.now();
      (globalThis as unknown as BenchWindow).location.hash = '#/map';
      // Loops rather than named callbacks: tsx names functions with a helper that does not exist in the page.
      for (;;) {
        const handle = (globalThis as unknown as MapWindow).corridorMap;
        if (handle?.seals.size === count && handle.map.loaded() && handle.map.queryRenderedFeatures({ layers: ['seals'] }).length > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return performance.now() - start;
    }, seals);

    const moving = [];
    for (const [pan, move] of [[true, false], [false, true], [true, true]] as const) {
      moving.push({ pan, move, ...(await framesPerSecond(page, seals, pan, move)) });
    }
    const renderer = await page.evaluate(() => {
      const gl = (globalThis as unknown as BenchWindow).document.createElement('canvas').getContext('webgl2');
      // UNMASKED_RENDERER_WEBGL, with its extension on: the renderer behind the browser's generic name.
      return gl?.getExtension('WEBGL_debug_renderer_info') ? String(gl.getParameter(0x9246)) : 'unknown';
    });
    return [
      { benchmark: 'console-map-first-render', seals, ms: Math.round(firstRenderMs), renderer },
      ...moving.map(({ pan, move, fps, p95FrameMs, maxFrameMs }) => ({
        benchmark: `console-map-${pan && move ? 'moving-and-panning' : pan ? 'panning' : 'moving'}`,
        seals,
        seconds: MOVING_SECONDS,
        updatesPerSecond: move ? 1 : 0,
        fps: Number(fps.toFixed(1)),
        p95FrameMs: Math.round(p95FrameMs),
        maxFrameMs: Math.round(maxFrameMs),
        renderer,
      })),
    ];
  } finally {
    await browser.close();
    await app.close();
    await platform.close();
    rmSync(consoleDir, { recursive: true, force: true });
  }
}
