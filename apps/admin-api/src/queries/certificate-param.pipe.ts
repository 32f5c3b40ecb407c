import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';

const CERTIFICATE = /^[A-Z0-9][A-Z0-9-]{2,59}$/;

@Injectable()
export class CertificateParam implements PipeTransform<string, string> {
  transform(value: string): string {
    const normalised = value.trim().toUpperCase();
    if (!CERTIFICATE.test(normalised)) {
      throw new BadRequestException({ message: 'Invalid certificate number', errors: [{ field: 'number', message: 'a certificate number looks like IASIOS-2024-1A2B3C4D' }] });
    }
    return normalised;
  }
}
