/**
 * Any address no other route answers. A route of its own (rather than Remix's "no match")
 * so that the root loader runs and the 404 page of the root ErrorBoundary shows the
 * signed-in header like every other page.
 */
export function loader() {
  throw new Response(null, { status: 404 });
}

export default function NotFound() {
  return null;
}
