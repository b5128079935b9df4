import { PUBLIC_CSS } from "~/infra/public-assets";

export function loader() {
  return new Response(PUBLIC_CSS, {
    headers: {
      "Content-Type": "text/css; charset=utf-8",
      "Cache-Control": "public, max-age=31536000, immutable",
    },
  });
}
