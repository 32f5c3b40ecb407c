/**
 * Renders the HTML dossier of a sample centre's trail (accredited, suspended, reinstated, every
 * event sealed and its head signed) and screenshots it in headless Chromium:
 *   node -r @swc-node/register tools/dossier-screenshot.ts [docs/images/dossier.png]
 * No database: the in-memory store, the real runner, ledger and replay.
 */
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import chromium from '@sparticuz/chromium';
import { chromium as playwright } from 'playwright-core';
import { AdjustableClock, AuditTrailReplay, Ledger, createDeciderRunner, dossierToHtml, randomIds, readStoredEvent } from '../libs/application/src';
import { type CentreCommand, type DecisionContext, centreDecider } from '../libs/domain/src';
import { CentreStory } from '../libs/domain/src/testing/centre.fixtures';
import { InMemoryEventStore, MemoryDigestLog, keyIdOf } from '../libs/event-store/src';

class RecordedStory extends CentreStory {
  readonly calls: Array<[CentreCommand, DecisionContext]> = [];
  override run(command: CentreCommand, context: DecisionContext) {
    this.calls.push([command, context]);
    return super.run(command, context);
  }
}

async function main(): Promise<void> {
  const out = process.argv[2] ?? 'docs/images/dossier.png';
  const story = new RecordedStory('hus-strasbourg');
  story.accredited('2022-03-14T09:30:00.000Z').suspended('2024-02-05T10:00:00.000Z').reinstated('2024-04-22T15:00:00.000Z');

  const store = new InMemoryEventStore();
  const clock = new AdjustableClock(new Date('2022-01-10T08:00:00Z'));
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const ledger = new Ledger({
    store,
    clock,
    log: new MemoryDigestLog(),
    intervalMs: 0,
    signer: { keyId: keyIdOf(publicKey), publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(), sealKey: randomBytes(32), sign: (input) => sign(null, input, privateKey).toString('base64') },
  });
  await ledger.start();
  const runner = createDeciderRunner(store, clock, randomIds, 3, 100, { sealKey: ledger.sealKey });
  for (const [command, ctx] of story.calls) {
    // The registration is a historical import by the office (keyed in later); the rest is live.
    const imported = command.type === 'RegisterCentre';
    clock.set(new Date(Date.parse(ctx.occurredAt) + (imported ? 3 * 86_400_000 : 0)));
    await runner.run(centreDecider, 'centre-hus-strasbourg', { command, actor: ctx.actor, correlationId: randomIds.uuid(), occurredAt: imported ? ctx.occurredAt : undefined });
  }
  clock.set(new Date('2024-05-02T08:00:00Z'));
  await ledger.digestNow();
  const dossier = await new AuditTrailReplay(store, readStoredEvent, clock, ledger).replay('hus-strasbourg', { kind: 'latest' });
  const html = dossierToHtml(dossier);
  const htmlFile = join(tmpdir(), 'dossier-sample.html');
  writeFileSync(htmlFile, html);

  const browser = await playwright.launch({ executablePath: await chromium.executablePath(), args: [...chromium.args, '--no-sandbox'], headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1400 }, deviceScaleFactor: 1 });
    await page.setContent(html, { waitUntil: 'load' });
    await page.screenshot({ path: out, fullPage: false });
    // The print layout (A4, print styles) as a PDF beside the sample HTML, for a look at paper.
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: htmlFile.replace(/\.html$/, '.pdf'), format: 'A4' });
  } finally {
    await browser.close();
  }
  process.stdout.write(`${out} written, sample ${htmlFile} (${dossier.trail.length} events, integrity ${dossier.integrity.intact ? 'intact' : 'BROKEN'})\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
