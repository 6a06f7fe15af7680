/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/client" />

/** Set at build time: which build this is (shown in the footer; the e2e suite serves two). */
declare const __SUFLER_BUILD__: string;
