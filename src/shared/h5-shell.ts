/** What the H5 page (index.html, served by the local gateway) hands the app before its scripts run. */

/** <meta name=…> the gateway writes in: an opaque tag of the person the page is served for (kept screens are per person) */
export const PERSON_META = 'ylt-person';
export const PERSON_TAG = /^[\w-]{1,64}$/;
