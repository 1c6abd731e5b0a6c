/**
 * Chromium 156 preloads its omnibox popup, a WebUI page of its own, in every window even headless:
 * a fifth of the browser's CPU in the suite, and CPU taken from whatever a bench measures (decision 0051).
 */
export const WITHOUT_OMNIBOX_POPUP = "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup";
