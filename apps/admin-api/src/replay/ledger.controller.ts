import { Controller, Get, Inject, NotFoundException, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Ledger } from '@accreditation/application';
import { Public, Roles } from '../auth/roles';
import { ENGINE_DEPS, type EngineDeps } from '../bootstrap/engine-deps';

/**
 * The signed digests of every stream's head (Certificate Transparency's signed tree heads, for
 * this ledger). The latest one and the public key are public: anyone may keep a copy, and a copy
 * held elsewhere is what makes a later rewrite of the store visible.
 */
@ApiTags('compliance: ledger')
@Controller('ledger')
export class LedgerController {
  constructor(@Inject(ENGINE_DEPS) private readonly deps: EngineDeps) {}

  @Get('digest')
  @Public()
  @ApiOperation({ summary: 'The latest signed digest of every stream head (Merkle root, Ed25519 signature) and the public key to check it' })
  async latest() {
    const ledger = this.ledger();
    const digest = ledger.latestDigest() ?? (await ledger.digestNow());
    return { digest, publicKey: ledger.publicKeyPem, keyId: ledger.keyId };
  }

  @Post('digest')
  @Roles('compliance', 'office')
  @ApiOperation({ summary: 'Sign a digest now (when a head moved since the last one) and answer it' })
  async signNow() {
    const ledger = this.ledger();
    return { digest: await ledger.digestNow(), publicKey: ledger.publicKeyPem, keyId: ledger.keyId };
  }

  @Get('digests')
  @Roles('compliance', 'office')
  @ApiProduces('application/x-ndjson')
  @ApiOperation({ summary: 'Every signed digest with the heads it changed, as JSON lines: the export to publish or archive' })
  all(@Res({ passthrough: true }) reply: FastifyReply) {
    const lines = this.ledger().allDigests().map((d) => JSON.stringify(d));
    void reply.header('Content-Type', 'application/x-ndjson; charset=utf-8').header('Content-Disposition', 'attachment; filename="ledger-digests.jsonl"');
    return lines.length ? `${lines.join('\n')}\n` : '';
  }

  private ledger(): Ledger {
    if (!this.deps.ledger) throw new NotFoundException('No ledger is configured in this process');
    return this.deps.ledger;
  }
}
