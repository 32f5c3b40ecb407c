/**
 * npm run token -- --role <role> --sub <subject> [--centre <id>] [--ttl 8h] [--import]
 * Prints a development bearer token, signed with JWT_SECRET or the data folder's development secret
 * (the one `npm start` uses), as the last line of its output. `--import` adds the `import` scope
 * (claim `scope: "import"`), the capability to key in historical imports with X-Occurred-At.
 */
import { SignJWT } from 'jose';
import { HUMAN_ROLES } from '../../admin-api/src/auth/roles';
import { IMPORT_SCOPE } from '../../admin-api/src/auth/import-headers';
import { ID_PATTERN } from '../../admin-api/src/http/id-pattern';
import { developmentSecret } from '../../admin-api/src/auth/development-secret';
import { loadConfig } from '../../admin-api/src/config/app-config';
import { parseArgs } from './parse-args';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2)).flags;
  const role = args.role;
  const sub = args.sub;
  const usage = `usage: npm run token -- --role <${HUMAN_ROLES.join('|')}> --sub <subject> [--centre <centreId>] [--ttl 8h] [--import]`;
  if (!role || !sub || !(HUMAN_ROLES as string[]).includes(role)) throw new Error(usage);
  if (!ID_PATTERN.test(sub)) throw new Error(`--sub must be a canonical id (lower-case letters, digits, dashes): the API refuses "${sub}"\n${usage}`);
  const importing = args.import !== undefined;
  if (role === 'centre' && !args.centre) throw new Error(`a centre token needs --centre <centreId>\n${usage}`);
  const config = loadConfig();
  if (config.auth.jwksUrl && !config.auth.jwtSecret) throw new Error('JWKS_URL is set: tokens come from your identity provider, not from here');
  const secret = config.auth.jwtSecret ?? developmentSecret(config.dataDir);
  let jwt = new SignJWT({ role, ...(args.centre ? { centre: args.centre } : {}), ...(importing ? { scope: IMPORT_SCOPE } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(args.ttl ?? '8h');
  if (config.auth.issuer) jwt = jwt.setIssuer(config.auth.issuer);
  if (config.auth.audience) jwt = jwt.setAudience(config.auth.audience);
  const token = await jwt.sign(new TextEncoder().encode(secret));
  process.stderr.write(`development token for ${sub} (${role}${args.centre ? `, centre ${args.centre}` : ''}${importing ? ', may import history' : ''}), valid ${args.ttl ?? '8h'}:\n`);
  process.stdout.write(`${token}\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
});
