/**
 * `npm run verify-dossier -- FILE [--key PUBLIC_KEY.pem]` — checks an evidence bundle
 * (GET /centres/{id}/audit-trail?format=bundle) with nothing but the file: no database, no server.
 * Says what the check proves and what it cannot. Exits 0 when it verifies, 1 when not.
 */
import { readFileSync } from 'node:fs';
import { type EvidenceBundle, verifyEvidenceBundle } from '@accreditation/event-store/port';
import { parseArgs } from './parse-args';

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  const file = args._[0];
  if (!file || args.flags.help) {
    process.stderr.write('usage: npm run verify-dossier -- FILE [--key PUBLISHED_PUBLIC_KEY.pem]\n');
    return 2;
  }
  let bundle: EvidenceBundle;
  try {
    bundle = JSON.parse(readFileSync(file, 'utf8')) as EvidenceBundle;
  } catch (error) {
    process.stdout.write(`NOT VERIFIED: ${file} is not a readable evidence bundle (${(error as Error).message})\n`);
    return 1;
  }
  const trusted = typeof args.flags.key === 'string' ? readFileSync(args.flags.key, 'utf8') : undefined;
  let verdict;
  try {
    verdict = verifyEvidenceBundle(bundle, { trustedPublicKeyPem: trusted });
  } catch (error) {
    process.stdout.write(`NOT VERIFIED: the bundle is malformed (${(error as Error).message})\n`);
    return 1;
  }
  const out = process.stdout;
  out.write(`Evidence bundle: ${bundle.subject?.kind} ${bundle.subject?.id} (${bundle.events?.length ?? 0} events), generated ${bundle.generatedAt}\n\n`);
  for (const c of verdict.checks) out.write(`  ${c.ok ? 'ok  ' : 'FAIL'}  ${c.check.padEnd(12)} ${c.detail}\n`);
  out.write(`\n${verdict.ok ? 'VERIFIED' : 'NOT VERIFIED'}\n`);
  if (verdict.ok) {
    out.write('\nThis proves:\n');
    for (const line of verdict.proves) out.write(`  - ${line}\n`);
  }
  out.write('\nIt does not prove:\n');
  for (const line of verdict.limits) out.write(`  - ${line}\n`);
  return verdict.ok ? 0 : 1;
}

process.exitCode = main();
