/** Where this tab keeps the instance password it was given: listing, deleting, duplicating and importing need it. */
export const FACILITATOR_PASSWORD_KEY = 'trame.facilitatorPassword';

export const instancePassword = (): string | undefined => sessionStorage.getItem(FACILITATOR_PASSWORD_KEY) ?? undefined;
