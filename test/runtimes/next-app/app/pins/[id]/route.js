// A route handler as docs/guide/fetch.md writes one: errorBoundary around it, Next's `{ params }`
// passed through.
import { errors } from 'faultline';
import { errorBoundary } from 'faultline/fetch';

export const GET = errorBoundary(
  async (request, { params }) => {
    const { id } = await params;
    if (id === 'missing') throw errors.notFound('No pin with that id');
    return Response.json({ id });
  },
  { envelope: 'problem-details' },
);
