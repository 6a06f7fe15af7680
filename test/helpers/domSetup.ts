// DOM tests: React Testing Library cleans up between tests; IndexedDB is the in-memory fake.
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

afterEach(() => cleanup());
