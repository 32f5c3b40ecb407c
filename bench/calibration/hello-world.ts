import autocannon from 'autocannon';
import { type NodeChild, memoryOf, startNodeChild } from '../support/child-process';
import { progress } from '../support/report';
import type { BenchContext } from '../support/context';

export interface HelloWorld {
  baseUrl: string;
  child: NodeChild;
}

export async function startHelloWorld(): Promise<HelloWorld> {
  const child = startNodeChild('bench/support/hello-world-server.ts', [], { PORT: '0' });
  const line = await child.waitFor(/^ready \d+/);
  return { baseUrl: `http://127.0.0.1:${line.split(' ')[1]}`, child };
}

function cannon(url: string, connections: number, seconds: number, label: string): Promise<autocannon.Result> {
  const p = progress(label, 'requests');
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, pipelining: 1 }, (error, result) => {
      p.stop();
      if (error) reject(error);
      else resolve(result);
    });
    instance.on('response', () => p.add());
  });
}

/** H: NestJS + Fastify hello-world requests/s and p99 under autocannon (closed loop, c connections). */
export async function helloWorld(ctx: BenchContext, hello: HelloWorld): Promise<void> {
  const { opts, report } = ctx;
  const connections = opts.s2Clients;
  await cannon(hello.baseUrl, connections, 1, 'hello-world warm-up');
  const result = await cannon(hello.baseUrl, connections, opts.autocannonSeconds, `hello-world autocannon c=${connections}`);
  if (result.errors || result.non2xx) report.note(`hello-world: ${result.errors} errors, ${result.non2xx} non-2xx`);
  report.figure('calibration', 'http.hello', `NestJS+Fastify hello-world, autocannon c=${connections}`, result.requests.average, 'req/s', `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`);
  report.figure('calibration', 'http.hello.p99', 'hello-world p99 (autocannon, saturated)', result.latency.p99, 'ms');
  const mem = memoryOf(hello.child.pid);
  if (mem) report.figure('calibration', 'http.hello.rss', 'hello-world process peak RSS (same loader: @swc-node/register)', mem.peakMb, 'MB');
}
