import { describe, expect, it } from 'vitest';
import { createFaultline } from '../../src/index.js';
import { RequestValidationError } from '../../src/kit.js';

// RFC 9457 §3's `pointer` is a JSON pointer in URI fragment form (RFC 6901 §6): field names come
// from the client, and what the fragment rule does not allow must be percent-encoded.
function pointerOf(pointer: string): string {
  const error = new RequestValidationError([{ location: 'body', pointer, keyword: 'required', message: 'is required' }]);
  const body = JSON.parse(createFaultline().handle(error, { method: 'POST', path: '/' }).body as string);
  return body.errors[0].pointer as string;
}

describe('problem-details: issue pointers as URI fragments', () => {

  it.each([
    ['', '#'],
    ['/pins/0/cid', '#/pins/0/cid'],
    ['/a~1b/m~0n', '#/a~1b/m~0n'],
    ["/ok-._~0~1!$&'()*+,;=:@?", "#/ok-._~0~1!$&'()*+,;=:@?"],
    ['/with space', '#/with%20space'],
    ['/100%', '#/100%25'],
    ['/x#y', '#/x%23y'],
    ['/"quoted"<>', '#/%22quoted%22%3C%3E'],
    ['/é', '#/%C3%A9'],
    ['/😀', '#/%F0%9F%98%80'],
    ['/\ud800', '#/%EF%BF%BD'],
  ])('%j → %s', (pointer, fragment) => {
    expect(pointerOf(pointer)).toBe(fragment);
  });
});
