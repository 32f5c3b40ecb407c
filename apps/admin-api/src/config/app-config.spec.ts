import { ConfigError, loadConfig } from './app-config';

describe('loadConfig: the PostgreSQL pool', () => {
  it('given nothing set, then 20 connections, all kept open while idle', () => {
    const config = loadConfig({});
    expect(config.pgPoolSize).toBe(20);
    expect(config.pgPoolKeepIdle).toBe(20);
  });

  it('given only PG_POOL_SIZE, then every connection of that pool is kept open while idle', () => {
    expect(loadConfig({ PG_POOL_SIZE: '8' }).pgPoolKeepIdle).toBe(8);
  });

  it('given PG_POOL_KEEP_IDLE=0, then idle connections may all close', () => {
    expect(loadConfig({ PG_POOL_KEEP_IDLE: '0' }).pgPoolKeepIdle).toBe(0);
  });

  it('given a PG_POOL_KEEP_IDLE that is not a whole number, then start-up is refused naming it', () => {
    expect(() => loadConfig({ PG_POOL_KEEP_IDLE: 'all' })).toThrow(new ConfigError('PG_POOL_KEEP_IDLE must be an integer between 0 and 1000, not "all"'));
  });
});
