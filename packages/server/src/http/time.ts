/** The server's notion of now, replaceable in tests (deadlines are enforced to the second). */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
export const isoNow = (clock: Clock) => clock().toISOString();
