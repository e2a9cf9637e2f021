import type { FieldIssue, IssueLocation } from '../../fault/field-issue.js';
import { CODE } from '../fault-input.js';
import { read, readString } from '../read.js';
import { ARKTYPE_VENDOR, issueFromArktype } from './arktype.js';
import { pointerFromPath } from './path-pointer.js';
import { issueFromValibot, VALIBOT_VENDOR } from './valibot.js';
import { issuesFromZod, ZOD_VENDOR } from './zod.js';

/**
 * A Standard Schema failure's issues as field issues, at most `max`. Known vendors (zod, valibot,
 * arktype) have their rules mapped onto JSON Schema's keywords; any other library's issue keeps
 * its message and path, and its own `code` or `type` as the keyword when it has a usable one.
 * `data` is the value that was validated, when known.
 */
export function issuesFromStandard(vendor: string | undefined, issues: readonly unknown[], location: IssueLocation, max: number, data?: unknown): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (let i = 0; i < issues.length && out.length < max; i++) {
    const issue = issues[i];
    if (typeof readString(issue, 'message') !== 'string') continue;
    switch (vendor) {
      case ZOD_VENDOR:
        for (const one of issuesFromZod(issue, location, data)) if (out.length < max) out.push(one);
        break;
      case VALIBOT_VENDOR:
        out.push(issueFromValibot(issue, location, data));
        break;
      case ARKTYPE_VENDOR:
        out.push(issueFromArktype(issue, location));
        break;
      default:
        out.push(issueFromAnyLibrary(issue, location));
    }
  }
  return out;
}

function issueFromAnyLibrary(issue: unknown, location: IssueLocation): FieldIssue {
  const own = readString(issue, 'code') ?? readString(issue, 'type') ?? readString(issue, 'keyword');
  return {
    location,
    pointer: pointerFromPath(read(issue, 'path')) ?? '',
    keyword: own !== undefined && CODE.test(own) ? own : 'invalid',
    message: readString(issue, 'message') as string,
  };
}
