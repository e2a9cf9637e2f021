import { isTraceId } from './well-formed-id.js';

const HEX_16 = /^[0-9a-f]{16}$/;
const HEX_2 = /^[0-9a-f]{2}$/;

/**
 * The trace id of a W3C `traceparent` header (`00-<trace-id>-<parent-id>-<flags>`), or undefined
 * for anything malformed: a wrong length, upper-case hex, an all-zero trace or parent id, version
 * `ff`. A later version may append fields after the flags (W3C Trace Context §3.2.4); version 00
 * may not.
 */
export function traceIdOfTraceparent(header: string | undefined): string | undefined {
  if (header === undefined || header.length > 512) return undefined;
  const value = header.trim();
  if (value.length < 55) return undefined;
  const version = value.slice(0, 2);
  if (!HEX_2.test(version) || version === 'ff') return undefined;
  if (version === '00' ? value.length !== 55 : value.length > 55 && value[55] !== '-') return undefined;
  if (value[2] !== '-' || value[35] !== '-' || value[52] !== '-') return undefined;
  const traceId = value.slice(3, 35);
  const parentId = value.slice(36, 52);
  if (!isTraceId(traceId) || !HEX_16.test(parentId) || parentId === '0000000000000000') return undefined;
  return HEX_2.test(value.slice(53, 55)) ? traceId : undefined;
}
