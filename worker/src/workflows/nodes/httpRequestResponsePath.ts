import { resolvePath } from '@threadline/flows/runtime';
import type { HttpResponseResults } from '../../activities/activityTypes';

/**
 * Reads what a "save to variables" entry copies from a response: `status`, `body`, a part of
 * the body (`body.order.status`, `body.items.0.id`: numbers index arrays) or a header by name
 * (`headers.X-Request-Id`, matched without regard to case). A part the response lacks is null,
 * so the variable is set and reads empty rather than keeping an older value.
 */
export function readResponsePath(response: HttpResponseResults, path: string): unknown {
  if (path === 'status') return response.status;
  if (path === 'body') return response.body;
  if (path.startsWith('body.')) return resolvePath(response.body, path.slice('body.'.length)) ?? null;
  if (path.startsWith('headers.')) {
    const name = path.slice('headers.'.length).toLowerCase();
    return Object.prototype.hasOwnProperty.call(response.headers, name) ? (response.headers[name] ?? null) : null;
  }
  return null;
}
