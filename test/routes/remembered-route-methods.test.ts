import { describe, expect, it } from 'vitest';
import { rememberRouteMethods } from '../../src/kit.js';

/** A router of our own that counts how often it is read. */
function countingRouter(served: Record<string, readonly string[] | undefined>) {
  const reads: string[] = [];
  const read = (path: string) => {
    reads.push(path);
    return path in served ? served[path] : [];
  };
  return { reads, read };
}

describe('rememberRouteMethods', () => {
  it('reads the router once per path and answers later requests from memory', () => {
    const router = countingRouter({ '/pins': ['GET', 'POST'] });
    const methodsAt = rememberRouteMethods(router.read);
    expect(methodsAt('/pins')).toEqual(['GET', 'POST']);
    expect(methodsAt('/pins')).toEqual(['GET', 'POST']);
    expect(methodsAt('/nowhere')).toEqual([]);
    expect(methodsAt('/nowhere')).toEqual([]);
    expect(router.reads).toEqual(['/pins', '/nowhere']);
  });

  it('keeps a frozen copy: neither the router nor a caller can change what later requests get', () => {
    const served = ['GET'];
    const methodsAt = rememberRouteMethods(() => served);
    const first = methodsAt('/pins');
    served.push('DELETE');
    expect(methodsAt('/pins')).toEqual(['GET']);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('asks again when the router could not be read', () => {
    const router = countingRouter({ '/pins': undefined });
    const methodsAt = rememberRouteMethods(router.read);
    expect(methodsAt('/pins')).toBeUndefined();
    expect(methodsAt('/pins')).toBeUndefined();
    expect(router.reads).toEqual(['/pins', '/pins']);
  });

  it('never keeps a long path', () => {
    const router = countingRouter({});
    const methodsAt = rememberRouteMethods(router.read);
    const long = `/${'a'.repeat(300)}`;
    methodsAt(long);
    methodsAt(long);
    expect(router.reads).toHaveLength(2);
  });

  it('holds at most its limit of paths: past it, the memory is dropped and filled again', () => {
    const router = countingRouter({});
    const methodsAt = rememberRouteMethods(router.read, 3);
    for (const path of ['/a', '/b', '/c', '/a']) methodsAt(path);
    expect(router.reads).toEqual(['/a', '/b', '/c']);
    methodsAt('/d'); // a fourth path: the three are forgotten
    methodsAt('/a');
    methodsAt('/d');
    expect(router.reads).toEqual(['/a', '/b', '/c', '/d', '/a']);
  });
});
