import './native-esm-packages';
export * from './http-client';
export * from './start-test-api';
export * from './test-tokens';
