/** A user's partition key in the app table: their profile, notes and anything else of theirs live under it. */
export const userPartition = (sub: string) => `USER#${sub}`;
