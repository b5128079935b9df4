import { createContext } from "react";

/**
 * The Content-Security-Policy nonce of this response: Remix's inline scripts carry it, so
 * the policy can forbid every other inline script. Empty in the browser, where it is unused.
 */
export const NonceContext = createContext("");
