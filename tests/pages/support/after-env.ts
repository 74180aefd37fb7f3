import { cleanup } from '@testing-library/react';
import { resetGateway } from './gateway';

beforeEach(() => {
  resetGateway();
  window.localStorage.clear();
});

afterEach(() => {
  cleanup();
});
