/** An actor asked for something it may not do. Pages and actions turn it into a 404. */
export class ForbiddenError extends Error {
  constructor() {
    super("forbidden");
    this.name = "ForbiddenError";
  }
}
