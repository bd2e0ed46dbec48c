// Routes declare what their answer shows or lists (the tags of cache/tags.ts); the page cache
// reads the declaration when the answer is sent. A route that declares nothing is never
// stored, so a page is cached only once someone has said what must refresh it. Kept apart from
// the cache itself: a route works the same in an app that has no page cache.
import type { FastifyReply, FastifyRequest } from 'fastify';

const declared = new WeakMap<FastifyRequest, Set<string>>();

export function dependsOn(reply: FastifyReply, ...tags: (string | readonly string[])[]): void {
  let set = declared.get(reply.request);
  if (!set) {
    set = new Set();
    declared.set(reply.request, set);
  }
  for (const tag of tags.flat()) set.add(tag);
}

/** The tags a request's route declared, or null when it declared none. */
export function declaredTags(request: FastifyRequest): ReadonlySet<string> | null {
  return declared.get(request) ?? null;
}
