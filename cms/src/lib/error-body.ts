/** Strapi's body for an error answer, as its own errors middleware writes it (the admin shows `error.message`). */
export const errorBody = (status: number, name: string, message: string) => ({ data: null, error: { status, name, message, details: {} } });
