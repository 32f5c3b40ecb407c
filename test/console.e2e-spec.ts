import 'reflect-metadata';
import '../libs/testing/src/http/native-esm-packages';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { randomIds } from '@accreditation/application';
import { IASIOS_2019_1, coreCriteria } from '@accreditation/domain';
import { type TestApi, startTestApi } from '../libs/testing/src/http';
import { createAdminApi } from '../apps/admin-api/src/bootstrap/create-admin-api';
import { loadConfig } from '../apps/admin-api/src/config/app-config';
import type { Projector } from '../apps/projector/src/start-projector';
import { startEngineProjector } from '../apps/projector/src/deadlines/start-engine-projector';
import { type WatchedPage, launchChromium, seriousAccessibilityViolations, watchedPage } from './support/browser';
import { Journey, castFor, expectStatus } from './support/journey';


/**
 * The web console in a real browser (Chromium from npm, playwright-core), against the real engine:
 * one journey per role from sign-in to a recorded event, each asserting what the page shows. Any
 * uncaught page error or console error fails the test; axe-core checks every page; the main pages
 * are photographed into docs/images for docs/console.md and the README.
 */
const ROOT = join(__dirname, '..');
const IMAGES = join(ROOT, 'docs', 'images');
const CENTRE = 'chu-lyon';
const CENTRE_NAME = 'Interventional Oncology, CHU de Lyon';
const AUDITOR = 'auditor-anna';
const CONFLICTED = 'auditor-bruno';

describe('web console in Chromium (e2e)', () => {
  let api: TestApi;
  let projector: Projector;
  let browser: Browser;
  let journey: Journey;
  const opened: WatchedPage[] = [];
  let base = '';

  beforeAll(async () => {
    // As `npm start` does: builds the console only when its sources changed (Vite runs outside Jest's module loader).
    execFileSync(process.execPath, [join(ROOT, 'tools', 'build-console.js')], { cwd: ROOT, stdio: 'inherit' });
    mkdirSync(IMAGES, { recursive: true });
    // The development-secret mode `npm start` runs in: no JWT_SECRET in the configuration, so the
    // sign-in page offers the role picker (the engine still signs with the harness's secret).
    api = await startTestApi(
      async ({ store, clock, jwtSecret }) =>
        createAdminApi({ config: loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '0', RUN_PROJECTOR: 'false' }), store, readModels: store.pool, clock, ids: randomIds, jwtSecret }),
      { databasePrefix: 'console_e2e', now: new Date('2020-01-06T09:00:00.000Z') },
    );
    base = api.baseUrl;
    projector = await startEngineProjector({ store: api.store, pool: api.store.pool, clock: api.clock, logger: { log: () => undefined, warn: () => undefined, error: (m: string, e?: unknown) => console.error(m, e) }, deadlineIntervalMs: 60_000, lockRetryMs: 200 });
    const cast = await castFor(api);
    journey = new Journey(api, cast);
    // An auditor with a declared conflict, a few other centres (the board and charts), one accredited centre.
    await journey.post('/auditors', cast.office, { auditorId: CONFLICTED, country: 'FR', specialties: ['TACE'] });
    await journey.post(`/auditors/${CONFLICTED}/conflicts`, await api.token('auditor', CONFLICTED), { centreId: CENTRE, description: 'Trained at CHU de Lyon until 2018' });
    const others: [string, string, string][] = [['charite-berlin', 'DE', 'Berlin'], ['gemelli-rome', 'IT', 'Rome'], ['clinic-barcelona', 'ES', 'Barcelona']];
    for (const [id, country, city] of others) {
      await journey.post('/centres', cast.office, { centreId: id, name: `Interventional Radiology, ${city}`, country, city, institution: `University Hospital ${city}`, proceduresPerYear: 300, representativeId: `rep-${id}`, contactId: `contact-${id}`, substituteId: `sub-${id}` });
    }
    await journey.registerAuditors();
    await journey.accredited('hcl-paris');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await projector?.stop();
    await api?.close();
  });

  afterEach(() => {
    const problems = opened.splice(0).flatMap((w) => w.problems);
    expect(problems).toEqual([]);
  });

  async function open(viewport?: { width: number; height: number }): Promise<Page> {
    const watched = await watchedPage(browser, viewport);
    opened.push(watched);
    return watched.page;
  }

  /** The page will show an API refusal with this status: Chromium logs the answer once as a console error. */
  const expectRefusal = (page: Page, status: number) => opened.find((w) => w.page === page)!.expected.push(new RegExp(`status of ${status}`));

  async function signInAs(page: Page, role: string, sub: string, centre?: string): Promise<void> {
    await page.goto(`${base}/console/`);
    await page.getByRole('heading', { name: 'Try a role (development only)' }).waitFor();
    await page.getByLabel('Role', { exact: true }).selectOption(role);
    await page.getByLabel('Person id', { exact: true }).fill(sub);
    if (centre) await page.getByLabel('Centre id', { exact: true }).fill(centre);
    await page.getByRole('button', { name: 'Sign in as this role' }).click();
    // Signed in once the frame shows who it is (the token is then in sessionStorage).
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  }

  async function accessible(page: Page): Promise<void> {
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  }

  const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: join(IMAGES, `console-${name}.png`), fullPage });
  const caughtUp = () => projector.waitUntilCaughtUp(30_000);
  const status = (page: Page) => page.locator('.facts dd .badge').first();

  it('loads without a token, at deep links too, and offers the development role picker', async () => {
    const page = await open();
    const response = await page.goto(`${base}/console/centres/${CENTRE}`);
    expect(response?.status()).toBe(200);
    await page.getByRole('heading', { name: 'Accreditation console' }).waitFor();
    expect(page.url()).toBe(`${base}/console/sign-in`);
    await expect(page.getByLabel('Bearer token').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Sign in', exact: true }).isVisible()).resolves.toBe(true);
    await page.getByRole('heading', { name: 'Try a role (development only)' }).waitFor();
    await accessible(page);
    await shot(page, 'sign-in');
  });

  it('office: registers an auditor, registers a centre, records its sign-off and enrols it', async () => {
    const page = await open();
    await signInAs(page, 'office', 'office-olivia');
    await page.getByRole('heading', { name: 'Centres' }).waitFor();
    await page.getByRole('link', { name: 'Auditors' }).click();
    await page.getByLabel('Auditor id (their sign-in subject)').fill(AUDITOR);
    await page.getByLabel('Country (2 letters)').fill('fr');
    await page.getByLabel('Specialties (comma-separated)').fill('TACE, ablation');
    await page.getByRole('button', { name: 'Register auditor' }).click();
    await page.getByText('Recorded: Auditor registered').waitFor();
    await page.getByRole('row', { name: new RegExp(`${AUDITOR} FR TACE, ablation`) }).waitFor();
    await accessible(page);
    await page.getByRole('link', { name: 'Register a centre' }).first().click();
    await page.getByRole('heading', { name: 'Register a centre' }).waitFor();
    await accessible(page);
    const fields: Record<string, string> = {
      'Centre id': CENTRE, Name: CENTRE_NAME, Institution: 'Hospices Civils de Lyon', City: 'Lyon', Country: 'FR',
      'Procedures per year': '380', 'Representative (person id)': 'rep-lea', 'Contact (person id)': 'contact-marc', 'Substitute (person id)': 'sub-ines',
    };
    for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
    // A malformed id: the 400 names the field, next to the button.
    await page.getByLabel('Centre id', { exact: true }).fill('CHU Lyon');
    expectRefusal(page, 400);
    await page.getByRole('button', { name: 'Register centre' }).click();
    await page.getByRole('alert').getByText('Some fields need correcting.').waitFor();
    await page.getByRole('alert').getByText(/centreId/).waitFor();
    await page.getByLabel('Centre id', { exact: true }).fill(CENTRE);
    await page.getByRole('button', { name: 'Register centre' }).click();

    await page.getByRole('heading', { name: CENTRE_NAME }).waitFor();
    expect(page.url()).toBe(`${base}/console/centres/${CENTRE}`);
    await expect(status(page).textContent()).resolves.toBe('Registered');
    await page.getByLabel('Signatory (person id)').fill('hod-helene');
    await page.getByRole('button', { name: 'Record sign-off' }).click();
    await page.getByText('head of department hod-helene').waitFor();
    await page.getByLabel('Fee reference').fill('FEE-2020-0042');
    await page.getByRole('button', { name: 'Enrol' }).click();
    await page.locator('.facts dd .badge', { hasText: 'Enrolled' }).waitFor();
    await accessible(page);

    // The board, from the centre-status read model, shows it once projected (it polls by itself).
    await page.getByRole('link', { name: 'Centres', exact: true }).click();
    await page.getByLabel('Search by name').fill('Lyon');
    const row = page.getByRole('row', { name: new RegExp(CENTRE_NAME) });
    await row.getByText('Enrolled', { exact: true }).waitFor();
    await page.getByLabel('Search by name').fill('');
    await page.getByText(/5 centres/).waitFor();
    await page.getByText(/Read model current to event #\d+/).waitFor();
    await accessible(page);
    await shot(page, 'office-board');
  });

  it('centre: submits the application with every criterion answered and 30 case references', async () => {
    api.clock.set(new Date('2020-01-20T10:00:00.000Z'));
    const page = await open();
    await signInAs(page, 'centre', 'rep-lea', CENTRE);
    await page.getByRole('heading', { name: 'Apply for accreditation' }).waitFor();
    const references = Array.from({ length: 30 }, (_, i) => `ICR-LYON-${String(i + 1).padStart(2, '0')}`);
    await page.getByLabel(/case references/).fill(references.join('\n'));
    await page.getByLabel('Case review summary').fill('30 consecutive TACE and ablation cases of 2019');
    await accessible(page);
    await page.getByRole('button', { name: 'Submit application' }).click();
    await page.locator('.facts dd .badge', { hasText: 'Application submitted' }).waitFor();
    await page.getByText('ICR-LYON-30').waitFor({ state: 'attached' });
  });

  it('office: opens the audit, sees a conflict before appointing, appoints an independent auditor', async () => {
    const page = await open();
    await signInAs(page, 'office', 'office-olivia');
    await page.goto(`${base}/console/centres/${CENTRE}`);
    await page.getByLabel('Audit due on').fill('2020-03-31');
    await page.getByRole('button', { name: 'Open audit' }).click();
    await page.locator('.facts dd .badge', { hasText: 'Under audit' }).waitFor();
    await caughtUp();
    await page.getByLabel('Auditor (id)').fill(CONFLICTED);
    await page.getByText(`${CONFLICTED} may not audit this centre`).waitFor();
    await page.getByText('Conflict declared').waitFor();
    await accessible(page);
    await shot(page, 'office-centre');
    await page.getByLabel('Auditor (id)').fill(AUDITOR);
    await page.getByText(`${AUDITOR}: no conflict or consultation with this centre on record.`).waitFor();
    await page.getByRole('button', { name: 'Appoint auditor' }).click();
    await page.getByText(`team: ${AUDITOR}`).waitFor();
    await page.getByText('Recorded: Auditor appointed').waitFor();
  });

  it('auditor: requests evidence and judges the criteria on a tablet', async () => {
    await caughtUp();
    const page = await open({ width: 820, height: 1180 });
    await signInAs(page, 'auditor', AUDITOR);
    await page.getByRole('heading', { name: 'My audits' }).waitFor();
    await page.getByRole('link', { name: CENTRE }).click();
    await page.getByRole('heading', { name: `Audit of ${CENTRE}` }).waitFor();
    await page.getByLabel('What the centre must provide').fill('Minutes of the last three tumour boards');
    await page.getByRole('button', { name: 'Request evidence' }).click();
    await page.getByText('awaiting the centre').waitFor();
    // Every core criterion met, and one extended criterion not met (the audit still passes).
    const judged: [string, boolean][] = [...coreCriteria(IASIOS_2019_1).map((c): [string, boolean] => [c.id, true]), ['9a', false]];
    for (const [id, met] of judged) {
      const row = page.getByRole('form', { name: `Criterion ${id}`, exact: true });
      await row.getByLabel(met ? 'Met' : 'Not met', { exact: true }).check();
      await row.getByPlaceholder('Note').fill(met ? `Verified on site (${id})` : 'No research protocol on file');
      await row.getByRole('button', { name: 'Save' }).click();
      await row.getByText(met ? '✓ met' : '✗ not met').waitFor();
    }
    await page.getByText(`${judged.length} of ${IASIOS_2019_1.criteria.length} criteria judged`).waitFor();
    // Completing now is refused: the evidence is outstanding. The rule shows next to the button.
    await page.getByLabel('Reason').fill('Every core criterion met');
    await page.getByRole('button', { name: 'Complete audit' }).click();
    expectRefusal(page, 422);
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('alert').getByText('The engine refused: Audit evidence outstanding.').waitFor();
    await page.getByRole('alert').getByText('(rule AuditEvidenceOutstanding)').waitFor();
    await accessible(page);
    await page.evaluate('window.scrollTo(0, 0)');
    await shot(page, 'auditor-workspace');
  });

  it('centre: answers the evidence request', async () => {
    const page = await open();
    await signInAs(page, 'centre', 'rep-lea', CENTRE);
    await page.getByText('Minutes of the last three tumour boards').waitFor();
    await page.getByLabel('Document references (one per line)').fill('DMS:TB-2019-11\nDMS:TB-2019-12\nDMS:TB-2020-01');
    await accessible(page);
    await shot(page, 'centre-own');
    await page.getByRole('button', { name: 'Send evidence' }).click();
    await page.getByText(/provided 2020-01-20: DMS:TB-2019-11, DMS:TB-2019-12, DMS:TB-2020-01/).waitFor();
  });

  it('auditor: completes the audit recommending a pass, after confirming', async () => {
    const page = await open({ width: 820, height: 1180 });
    await signInAs(page, 'auditor', AUDITOR);
    await page.goto(`${base}/console/centres/${CENTRE}`);
    await page.getByRole('link', { name: 'Open the audit workspace' }).click();
    await page.getByLabel('Reason').fill('Every criterion met; evidence complete');
    await page.getByRole('button', { name: 'Complete audit' }).click();
    await page.getByText('Complete the audit recommending a pass?').waitFor();
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('completed: passed').waitFor();
  });

  it('committee: finds the audit in its queue and grants accreditation, after confirming', async () => {
    await caughtUp();
    api.clock.set(new Date('2020-02-03T10:00:00.000Z'));
    const page = await open();
    await signInAs(page, 'committee', 'committee-carla');
    await page.getByRole('heading', { name: 'Audits awaiting a decision' }).waitFor();
    const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: CENTRE_NAME }) });
    await item.getByText('Audit outcome: passed').waitFor();
    await accessible(page);
    await shot(page, 'committee-queue');
    await item.getByRole('button', { name: 'Grant accreditation' }).click();
    await item.getByText('Grant accreditation for 4 years from today?').waitFor();
    await item.getByRole('button', { name: 'Confirm' }).click();
    // The queue is a read model: the centre leaves it once the projector has the grant.
    await page.getByText('Nothing awaits a decision.').waitFor();
    await page.goto(`${base}/console/centres/${CENTRE}`);
    await page.locator('.facts dd .badge', { hasText: 'Accredited' }).waitFor();
    await page.getByText(/IASIOS-2020-[0-9A-F]{8}/).waitFor();
  });

  it('compliance: signs in with a bearer token, replays the centre as of a past date and downloads the dossier', async () => {
    const issued = expectStatus(await api.http.post('/sign-in/development-token', { body: { role: 'compliance', sub: 'compliance-chris' } }), 200).body.token;
    const page = await open();
    await page.goto(`${base}/console/sign-in`);
    await page.getByLabel('Bearer token').fill(issued);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Centres' }).waitFor();
    await page.getByRole('link', { name: CENTRE_NAME }).click();
    await page.getByRole('link', { name: 'Timeline and replay' }).click();
    await page.getByText(/Trail intact: all \d+ events verified/).waitFor();
    const total = await page.locator('table.grid tbody tr').count();
    expect(total).toBeGreaterThan(35);
    await page.getByLabel('as it was in the world on…').check();
    await page.getByLabel('Date (end of day, UTC)').fill('2020-01-10');
    await page.getByText(/: 3 of \d+ events/).waitFor();
    await expect(page.locator('.facts dd strong').textContent()).resolves.toBe('Enrolled');
    await expect(page.locator('table.grid tbody tr').count()).resolves.toBe(3);
    await page.getByRole('cell', { name: 'Centre enrolled' }).waitFor();
    await accessible(page);
    await shot(page, 'compliance-timeline');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'HTML' }).click()]);
    expect(download.suggestedFilename()).toBe(`audit-trail-${CENTRE}.html`);
    const html = readFileSync((await download.path())!, 'utf8');
    expect(html).toContain(CENTRE);
    expect(html).toMatch(/<html/i);
    expect(html).not.toMatch(/AccreditationGranted|Accreditation granted/i);
  });

  it('reporting: sees centres by status and country, expiring accreditations and audit outcomes as charts', async () => {
    await caughtUp();
    const page = await open();
    await signInAs(page, 'reporting', 'reporting-rita');
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    for (const caption of ['Centres by status', 'Centres by country and status', 'Audit outcomes by month']) await page.getByText(caption, { exact: true }).waitFor();
    await page.getByText(/Accreditations expiring in the next 12 months/).waitFor();
    await expect(page.locator('canvas').count()).resolves.toBe(4);
    await page.getByText(/Read model current to event #\d+/).waitFor();
    await accessible(page);
    await shot(page, 'reporting-dashboard');
  });
});
