/**
 * The console in a real browser: sign in, each role's pages, seals on the map and a seal's details on click, a seal
 * moving on the map as its positions arrive, the declarations search, a declaration's checks and history, a
 * transit's exchange between operators, an import's report, an alert worked to its resolution,
 * a truck called and one held at a crossing, a roadside team's result recorded, a simulation compared over policies,
 * the driver lookup against the real queue, and the map and the alerts reading afresh what they missed while their live stream was down.
 * Every page is photographed into test-results/console/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_USER } from '../../src/apps/platform.js';
import { chromiumPath, launchChromium, type MapWindow } from '../support/browser.js';
import { startConsoleWorld, USERS, type ConsoleWorld, type Place } from '../support/console-world.js';

const SHOTS = join(process.cwd(), 'test-results', 'console');
const executable = chromiumPath();

describe.skipIf(!executable)('web console', { timeout: 60_000 }, () => {
  let world: ConsoleWorld;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [world, browser] = await Promise.all([startConsoleWorld(), launchChromium(executable!)]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  async function signedIn(user: { username: string; password: string }, hash = ''): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${world.url}/${hash}`);
    await page.fill('input[name=username]', user.username);
    await page.fill('input[name=password]', user.password);
    await page.click('button[type=submit]');
    await page.waitForSelector('header');
    return page;
  }

  const navigation = (page: Page) => page.locator('header nav a').allTextContents();

  it('refuses a wrong password and signs a user in with the right one', async () => {
    const page = await browser.newPage();
    await page.goto(world.url);
    await page.fill('input[name=username]', 'admin');
    await page.fill('input[name=password]', 'not-the-password');
    await page.click('button[type=submit]');
    await expect.poll(() => page.textContent('.error')).toContain('wrong password');
    await page.screenshot({ path: join(SHOTS, 'login.png') });
    await page.close();
  });

  it('shows each role only the pages it may use', async () => {
    const admin = await signedIn(USERS.admin);
    expect(await navigation(admin)).toEqual(expect.arrayContaining(['Map', 'Alerts', 'Crossings', 'Declarations', 'Driver lookup']));
    const haulier = await signedIn(USERS.haulier);
    const pages = await navigation(haulier);
    expect(pages).toContain('Declarations');
    expect(pages).not.toContain('Map');
    expect(pages).not.toContain('Alerts');
    // A haulier sent to the map lands on a page of its own.
    await haulier.goto(`${world.url}/#/map`);
    await expect.poll(() => new URL(haulier.url()).hash).not.toBe('#/map');
    await Promise.all([admin.close(), haulier.close()]);
  });

  it('draws every seal on the offline map, coloured by state, and shows a seal on click', async () => {
    const page = await signedIn(USERS.operator, '#/map');
    const rendered = () => (globalThis as unknown as MapWindow).corridorMap!.map.queryRenderedFeatures({ layers: ['seals'] });
    await page.waitForFunction((count) => (globalThis as unknown as MapWindow).corridorMap?.seals.size === count, world.seals.length);
    await page.waitForFunction(() => {
      const { map } = (globalThis as unknown as MapWindow).corridorMap!;
      return map.loaded() && map.queryRenderedFeatures({ layers: ['seals'] }).length > 0;
    });
    const states = new Set((await page.evaluate(rendered)).map((feature) => feature.properties.state));
    expect([...states]).toEqual(expect.arrayContaining(['alarm', 'open', 'sealed']));
    const point = await page.evaluate(() => {
      const { map } = (globalThis as unknown as MapWindow).corridorMap!;
      const feature = map.queryRenderedFeatures({ layers: ['seals'] })[0]!;
      const at = map.project(feature.geometry.coordinates as [number, number]);
      const canvas = map.getCanvas().getBoundingClientRect();
      return { x: canvas.left + at.x, y: canvas.top + at.y };
    });
    await page.mouse.click(point.x, point.y);
    const details = page.locator('.details h2');
    await expect.poll(() => details.textContent()).toMatch(/^Seal /);
    expect(world.seals.map((seal) => seal.id)).toContain((await details.textContent())!.slice('Seal '.length));
    await page.screenshot({ path: join(SHOTS, 'map.png') });
    await page.close();
  });

  it('moves a seal on the map as its new positions arrive, with no reload', async () => {
    const { deviceId, from, to } = world.moving;
    const page = await signedIn(USERS.operator, `#/map?lon=${(from.lon + to.lon) / 2}&lat=${(from.lat + to.lat) / 2}`);
    /** Where the map draws the seal: its feature as rendered on the seals' layer. */
    const drawnAt = () =>
      page.evaluate((id) => {
        const drawn = (globalThis as unknown as MapWindow).corridorMap?.map.queryRenderedFeatures({ layers: ['seals'] }) ?? [];
        for (const feature of drawn) if (feature.properties.deviceId === id) return feature.geometry.coordinates;
        return null;
      }, deviceId);
    const at = (place: Place) => [expect.closeTo(place.lon, 3), expect.closeTo(place.lat, 3)];
    await expect.poll(drawnAt, { timeout: 10_000 }).toEqual(at(from));
    await page.waitForSelector('#map[data-live="stream"]');

    await world.moving.driveOn();
    // Sooner than the map would poll for positions if the stream stopped bringing them.
    await expect.poll(drawnAt, { timeout: 5_000 }).toEqual(at(to));
    expect(Math.hypot(to.lon - from.lon, to.lat - from.lat)).toBeGreaterThan(0.05);
    expect(await page.textContent('.side .status')).toMatch(/seals, live$/);
    await page.screenshot({ path: join(SHOTS, 'map-moving.png') });
    await page.close();
  });

  it("draws corridors, queues and alerts as they arrive, and shows a truck's declaration, risk, alerts and track", async () => {
    const { tripId, lat, lon } = world.alarmed;
    const page = await signedIn(USERS.operator, `#/map?lon=${lon}&lat=${lat}`);
    const drawn = (layer: string) =>
      page.evaluate((name) => (globalThis as unknown as MapWindow).corridorMap?.map.queryRenderedFeatures({ layers: [name] }).map((feature) => feature.properties) ?? [], layer);
    await expect.poll(() => drawn('corridors'), { timeout: 10_000 }).toContainEqual({ tripId });
    await expect.poll(() => drawn('alerts')).toContainEqual(expect.objectContaining({ tripId, type: 'seal-tamper' }));
    // The demo's two busiest crossings, and Korday, where the truck handed over to Kazakhstan checked in on its way.
    expect(await page.locator('table.queue-lengths tbody tr').count()).toBe(3);

    // A new alert reaches the map from the stream, with no reload.
    await world.reportAgain({ locked: true, tamper: true, cableCut: true });
    await expect.poll(() => drawn('alerts')).toContainEqual(expect.objectContaining({ tripId, type: 'seal-cable-cut' }));

    const point = await page.evaluate(([x, y]) => {
      const { map } = (globalThis as unknown as MapWindow).corridorMap!;
      const at = map.project([x!, y!]);
      const canvas = map.getCanvas().getBoundingClientRect();
      return { x: canvas.left + at.x, y: canvas.top + at.y };
    }, [lon, lat]);
    await page.mouse.click(point.x, point.y);
    const details = page.locator(`.details.truck[data-trip="${tripId}"]`);
    await details.waitFor();
    await expect.poll(() => details.locator('.trip-alerts').textContent()).toContain('seal-tamper');
    await expect.poll(() => details.locator('.risk').textContent()).toMatch(/score \d+/);
    // This truck's transit was never exchanged with another operator, and the panel says so.
    await expect.poll(() => details.locator('.exchange').textContent()).toMatch(/^Nothing exchanged with other operators: no transit /);
    expect(await details.locator('a[href^="#/declarations/"]').count()).toBe(1);
    await details.getByRole('button', { name: 'Replay the track' }).click();
    await expect.poll(() => details.getAttribute('data-replay'), { timeout: 10_000 }).toBe('done');
    await page.screenshot({ path: join(SHOTS, 'map-truck.png') });
    await page.close();
  });

  it('searches declarations, opens one with its checks and history, and imports a file with its report', async () => {
    const page = await signedIn(USERS.operator, '#/declarations?status=incomplete');
    await page.waitForSelector('table.list tbody tr');
    const statuses = await page.locator('table.list tbody .badge').allTextContents();
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(['incomplete']));
    await page.screenshot({ path: join(SHOTS, 'declarations.png') });

    await page.locator('table.list tbody tr a').first().click();
    await page.waitForSelector('.check table.issues tbody tr');
    expect(await page.locator('.check table.issues tbody tr').count()).toBeGreaterThan(0);
    const history = await page.locator('h2:has-text("History") + table tbody tr').allTextContents();
    expect(history.some((row) => row.includes('incomplete'))).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'declaration.png'), fullPage: true });

    await page.goto(`${world.url}/#/declarations`);
    const file = join(SHOTS, 'import.ndjson');
    writeFileSync(file, `${JSON.stringify({ reference: 'BROKEN-1' })}\n`);
    await page.setInputFiles('form.import input[type=file]', file);
    await page.click('form.import button[type=submit]');
    await page.waitForSelector('table.problems');
    expect(await page.locator('table.summary tbody').textContent()).toBe('10010');
    expect(await page.locator('table.problems tbody').first().textContent()).toContain('rejected');
    await page.screenshot({ path: join(SHOTS, 'import.png'), fullPage: true });
    await page.close();
  });

  it("shows a transit's exchange between operators: who tracks it now and each message sent and received", async () => {
    const { declarationId } = world.handedOver;
    const page = await signedIn(USERS.operator, `#/declarations/${declarationId}`);
    const exchange = page.locator(`.exchange[data-transit="${declarationId}"]`);
    await exchange.locator('table.exchange-history').waitFor();
    expect(await exchange.locator('.tracked-by').textContent()).toBe("KZ's operator");
    expect(await exchange.locator('table.facts').textContent()).toContain('arrived');
    const rows = await exchange.locator('table.exchange-history tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(rows.map(([direction, type, sequence, peer]) => [direction, type, sequence, peer])).toEqual([
      ['sent', 'transit-notice', '#1', 'to KZ'],
      ['sent', 'handover', '#2', 'to KZ'],
      ['received', 'arrival', '#1', 'from KZ'],
    ]);
    expect(rows.map((row) => row[5]!.split(' ')[0])).toEqual(['delivered', 'delivered', 'received']);
    await exchange.screenshot({ path: join(SHOTS, 'declaration-exchange.png') });
    await page.screenshot({ path: join(SHOTS, 'declaration-with-exchange.png'), fullPage: true });
    await page.close();
  });

  /** Answers the page's next prompts with `answers`, in order. */
  function answerPrompts(page: Page, ...answers: string[]): void {
    page.on('dialog', (dialog) => void dialog.accept(answers.shift()));
  }

  it('acknowledges, assigns and resolves an alert, the map following the one selected', async () => {
    const { alertId, lat, lon } = world.alarmed;
    const page = await signedIn(USERS.operator, '#/alerts');
    const row = page.locator('table.list tbody tr', { hasText: 'seal-tamper' });
    await row.waitFor();
    await row.locator('button.follow').click();
    // The map flies to where the seal reported tampering.
    await expect
      .poll(async () => (await page.getAttribute('#alert-map', 'data-centre'))?.split(',').map(Number), { timeout: 10_000 })
      .toEqual([expect.closeTo(lon, 2), expect.closeTo(lat, 2)]);

    answerPrompts(page, 'operator', 'the seal was checked at the roadside: a loose cable');
    await row.getByRole('button', { name: 'Acknowledge' }).click();
    await expect.poll(() => row.textContent()).toContain('acknowledged');
    await row.getByRole('button', { name: 'Assign' }).click();
    await expect.poll(() => row.textContent()).toContain('assigned');
    expect(await row.textContent()).toContain('operator');
    await page.screenshot({ path: join(SHOTS, 'alerts.png') });
    await row.getByRole('button', { name: 'Resolve' }).click();
    await expect.poll(() => row.count()).toBe(0);

    const { alert } = await world.platform.alerts.get(CONSOLE_USER, alertId);
    expect(alert).toMatchObject({ status: 'resolved', assignee: 'operator', resolutionNote: 'the seal was checked at the roadside: a loose cable' });
    await page.getByRole('link', { name: 'Resolved', exact: true }).click();
    await page.locator('table.list tbody tr', { hasText: 'seal-tamper' }).waitFor();
    await page.close();
  });

  it('calls the next truck to a lane and holds a waiting truck with a reason', async () => {
    const { crossing } = world.queued;
    const before = await world.platform.queueViews.board(CONSOLE_USER, crossing);
    const page = await signedIn(USERS.operator, `#/crossings/${crossing}`);
    // The demo's backlog is held to 20 trucks an hour, reached by now: the staff lift the limit first.
    answerPrompts(page, '', 'the lanes are fully staffed now', 'papers to check at the booth');
    await page.getByRole('button', { name: 'Set the backlog release rate' }).click();
    await expect.poll(async () => (await page.locator('table.facts').first().textContent()) ?? '').toContain('Release rateno limit');
    expect((await world.platform.queue.settings(CONSOLE_USER, crossing)).backlog.ratePerHour).toBeNull();
    await page.locator('.lanes button', { hasText: 'Call next' }).first().click();
    await expect.poll(async () => (await world.platform.queueViews.board(CONSOLE_USER, crossing)).total.called).toBe(before.total.called + 1);
    expect(await page.textContent('.crossing .error')).toBe('');

    // The list shows the call before a truck is picked from it, and the row is then found by its truck.
    await expect.poll(() => page.textContent('h2:has-text("Waiting")')).toBe(`Waiting (${before.total.waiting - 1})`);
    const plate = (await page.locator('h2:has-text("Waiting") + table tbody tr td:nth-child(2)').first().textContent())!;
    const waiting = page.locator('h2:has-text("Waiting") + table tbody tr', { hasText: plate });
    await waiting.getByRole('button', { name: 'Hold' }).click();
    const held = page.locator('h2:has-text("Held") + table tbody tr', { hasText: plate });
    await held.waitFor();
    expect(await held.textContent()).toContain('papers to check at the booth (operator)');
    expect(await page.locator('.board svg.chart').count()).toBe(2);
    // The last day's queue and throughput, rebuilt from the queue's events, one line each.
    await page.waitForSelector('.history svg.chart');
    expect(await page.locator('.history svg.chart path').count()).toBe(2);
    await page.screenshot({ path: join(SHOTS, 'crossings.png'), fullPage: true });
    await page.locator('.history').screenshot({ path: join(SHOTS, 'crossing-history.png') });
    await page.close();
  });

  it("proposes the alarmed truck to the roadside team ahead of it, records the team's result and charts the hit rates", async () => {
    const { declarationId } = (await world.platform.trips.get(CONSOLE_USER, world.alarmed.tripId)).trip;
    const before = (await world.platform.risk.inspections.list(CONSOLE_USER, { declarationId, limit: 10, offset: 0 })).total;
    const page = await signedIn(USERS.operator, '#/inspections');
    await page.getByRole('link', { name: '24 h' }).click();
    const proposal = page.locator('table.proposals tbody tr', { has: page.locator(`a[href="#/declarations/${declarationId}"]`) });
    await proposal.waitFor();
    await page.waitForSelector('svg.chart rect.bar');
    expect(await page.locator('svg.chart').count()).toBe(2);
    await proposal.getByRole('button', { name: 'Record a result' }).click();
    await page.check('form.record input[value=seal_tampered]');
    await page.fill('form.record input[name=notes]', 'seal wire cut and re-twisted');
    await page.click('form.record button[type=submit]');
    await expect.poll(() => page.textContent('.team')).toContain('Recorded.');

    const recorded = await world.platform.risk.inspections.list(CONSOLE_USER, { declarationId, limit: 10, offset: 0 });
    expect(recorded.total).toBe(before + 1);
    expect(recorded.items[0]).toMatchObject({ results: ['seal_tampered'], notes: 'seal wire cut and re-twisted', by: 'operator', place: { kind: 'roadside' } });
    await expect.poll(() => page.locator('table.inspections tbody tr').first().textContent()).toContain('seal tampered');
    await page.screenshot({ path: join(SHOTS, 'inspections.png'), fullPage: true });
    await page.close();
  });

  it('runs a scenario for its policies and compares them in a table and charts', async () => {
    const page = await signedIn(USERS.operator, '#/simulator');
    await page.selectOption('form.simulate select[name=scenario]', 'korday-akzhol-eseal-pilot');
    await page.fill('form.simulate input[name=seed]', '7');
    const policies = await page.locator('form.simulate input[name=policy]:checked').evaluateAll((boxes) => boxes.map((box) => (box as unknown as { value: string }).value));
    expect(policies.length).toBeGreaterThan(1);
    await page.click('form.simulate button[type=submit]');
    // The run goes on in the background, its progress shown, until its reports come.
    await page.waitForSelector('.simulator progress');
    await page.waitForSelector('table.comparison', { timeout: 30_000 });
    expect(await page.locator('table.comparison thead th').allTextContents()).toEqual(['', ...policies]);
    expect(await page.locator('table.comparison tbody tr', { hasText: 'illicit caught' }).count()).toBe(1);
    // One line a policy in each chart.
    expect(await page.locator('.simulation svg.chart').count()).toBe(2);
    expect(await page.locator('.simulation svg.chart').first().locator('path').count()).toBe(policies.length);
    await page.screenshot({ path: join(SHOTS, 'simulator.png'), fullPage: true });
    await page.close();
  });

  it('looks a driver up by plate and code without signing in, on a phone-sized screen', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 760 }, isMobile: true });
    const { plate, code } = world.queued;
    const found = await world.platform.queueViews.lookup(plate, code);
    expect(found).toMatchObject({ found: true, status: 'waiting' });
    const position = found.found ? found.position : null;
    await page.goto(`${world.url}/#/driver`);
    await page.fill('input[name=plate]', plate);
    await page.fill('input[name=code]', 'WRONG');
    await page.click('button[type=submit]');
    await expect.poll(() => page.textContent('.lookup-answer')).toContain('No truck with this plate and code');
    await page.fill('input[name=code]', code);
    await page.click('button[type=submit]');
    await expect.poll(() => page.textContent('.lookup-answer')).toContain(`Place in the queue: ${position}`);
    expect(await page.textContent('.lookup-answer')).toContain('Waiting in the queue.');
    await page.screenshot({ path: join(SHOTS, 'driver.png'), fullPage: true });
    await page.close();
  });

  it('reads afresh what happened while its live stream was down, once the stream is back', async () => {
    const seal = world.seals.find((candidate) => candidate.id !== world.alarmed.deviceId && candidate.id !== world.moving.deviceId)!;
    const to = { lon: 74.9, lat: 43.05 };
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // The stream drops as soon as it opens, until the test lets it through to the server.
    let dropping = true;
    await page.route('**/api/v1/stream', (route) => (dropping ? route.fulfill({ status: 200, contentType: 'text/event-stream', body: ': connected\n\n' }) : route.continue()));
    await page.goto(`${world.url}/#/map?lon=${to.lon}&lat=${to.lat}`);
    await page.fill('input[name=username]', USERS.operator.username);
    await page.fill('input[name=password]', USERS.operator.password);
    await page.click('button[type=submit]');
    const drawnAt = () => page.evaluate((id) => (globalThis as unknown as MapWindow).corridorMap?.seals.get(id)?.lon ?? null, seal.id);
    await expect.poll(drawnAt, { timeout: 10_000 }).not.toBeNull();
    await page.waitForSelector('#map[data-live="reconnecting"]');
    // A report the stream never tells (no trip takes it), and could not have told while it was down anyway.
    const now = Date.now();
    await world.platform.store.positions.insertMany([{ deviceId: seal.id, deviceTime: now, receivedTime: now, ...to, speed: 0, course: 0, valid: true, attributes: {} }]);
    expect(await drawnAt()).not.toBeCloseTo(to.lon, 3);
    dropping = false;
    await expect.poll(drawnAt, { timeout: 15_000 }).toBeCloseTo(to.lon, 3);
    await page.waitForSelector('#map[data-live="stream"]');
    await page.close();
  });

  it('reads the alerts afresh once its live stream is back, with what was resolved while it was down gone', async () => {
    const unresolved = await world.platform.alerts.list(CONSOLE_USER, { status: ['open', 'acknowledged', 'assigned'], limit: 50, offset: 0 });
    // One told apart in the list by its trip and type.
    const alert = unresolved.items.find((a) => unresolved.items.filter((b) => b.tripId === a.tripId && b.type === a.type).length === 1)!;
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    let dropping = true;
    await page.route('**/api/v1/stream', (route) => (dropping ? route.fulfill({ status: 200, contentType: 'text/event-stream', body: ': connected\n\n' }) : route.continue()));
    await page.goto(`${world.url}/#/alerts`);
    await page.fill('input[name=username]', USERS.operator.username);
    await page.fill('input[name=password]', USERS.operator.password);
    await page.click('button[type=submit]');
    const row = page.locator('table.list tbody tr', { hasText: alert.tripId }).filter({ hasText: alert.type });
    await row.waitFor();
    await page.waitForSelector('.results[data-live="reconnecting"]');
    // Resolved while the page's stream is down: the stream that reopens will never tell it.
    await world.platform.alerts.resolve(CONSOLE_USER, alert.id, 'resolved while the console was cut off');
    expect(await row.count()).toBe(1);
    dropping = false;
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(0);
    await page.waitForSelector('.results[data-live="stream"]');
    await page.close();
  });
});
