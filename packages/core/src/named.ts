import type { PayclientsError } from "./errors";

// Classes get their names on the prototype (minifiers rename classes; an own `name` field would
// also show up in every JSON form), made by one tiny factory instead of a class per status.
// biome-ignore lint/suspicious/noExplicitAny: a mixin base takes any constructor arguments
export const named = <C extends new (...args: any[]) => PayclientsError>(
  name: string,
  Base: C,
): C => {
  const Class = class extends Base {};
  Class.prototype.name = name;
  return Class;
};
