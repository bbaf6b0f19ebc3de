import { isMainThread } from 'node:worker_threads';

/** Scoop's fact extractor from a module that fails to load on a worker thread: the workers stop, this thread extracts. */
export { extractFacts } from '../../src/facts/extractFacts';

if (!isMainThread) throw new Error('this facts module cannot load on a worker thread');
