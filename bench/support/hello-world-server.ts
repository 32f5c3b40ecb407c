/**
 * The HTTP calibration: NestJS on the Fastify adapter answering one small JSON document, with
 * nothing else (no guards, pipes or logging). Run as its own process; prints "ready <port>".
 */
import 'reflect-metadata';
import { Controller, Get, Module, Post, Body, HttpCode } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';

@Controller()
class HelloController {
  @Get()
  hello(): { hello: string } {
    return { hello: 'world' };
  }

  /** The same with a small JSON body, shaped like a command. */
  @Post('echo')
  @HttpCode(201)
  echo(@Body() body: Record<string, unknown>): { ok: boolean; keys: number } {
    return { ok: true, keys: Object.keys(body ?? {}).length };
  }
}

@Module({ controllers: [HelloController] })
class HelloModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(HelloModule, new FastifyAdapter({ logger: false }), { logger: false });
  await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  process.stdout.write(`ready ${address.port}\n`);
  const stop = () => void app.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main();
