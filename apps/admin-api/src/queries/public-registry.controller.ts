import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/roles';
import { CertificateParam } from './certificate-param.pipe';
import { RegistryParams } from './query-params.dto';
import { ListRegistryQuery, VerifyCertificateQuery } from './read-model.queries';

/** What anyone may read, without a token: only public data. */
@ApiTags('public registry')
@Public()
@Controller('registry')
export class PublicRegistryController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Enrolled, accredited and excellence centres; suspended, withdrawn and expired shown as such' })
  list(@Query() params: RegistryParams) {
    return this.queries.execute(new ListRegistryQuery({ ...params }));
  }

  @Get('certificates/:number')
  @ApiOperation({ summary: 'Verify a certificate by its number' })
  verify(@Param('number', CertificateParam) number: string) {
    return this.queries.execute(new VerifyCertificateQuery(number));
  }
}
