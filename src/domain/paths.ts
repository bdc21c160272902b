/** Dotted-path updates on plain JSON data, copying only the objects along the path. */

export function setPath(data: unknown, path: string, value: unknown): unknown {
  const keys = path.split('.');
  return setAt(data, keys, 0, value);
}

function setAt(node: unknown, keys: readonly string[], index: number, value: unknown): unknown {
  if (index === keys.length) return value;
  const key = keys[index]!;
  if (Array.isArray(node)) {
    const i = Number(key);
    if (!Number.isInteger(i) || i < 0 || i >= node.length)
      throw new PathError(keys.join('.'), `no item ${key} in a list of ${node.length}`);
    const copy = node.slice();
    copy[i] = setAt(node[i], keys, index + 1, value);
    return copy;
  }
  if (node !== null && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    // Own fields only: "toString" or "constructor" name no field of the data, whatever the prototype has.
    if (!Object.hasOwn(record, key)) throw new PathError(keys.join('.'), `no field "${key}"`);
    return { ...record, [key]: setAt(record[key], keys, index + 1, value) };
  }
  throw new PathError(keys.join('.'), `"${keys.slice(0, index).join('.')}" is not an object`);
}

export function applySet(data: unknown, set: Readonly<Record<string, unknown>>): unknown {
  let result = data;
  for (const [path, value] of Object.entries(set)) result = setPath(result, path, value);
  return result;
}

export class PathError extends Error {
  override readonly name = 'PathError';
  constructor(
    readonly path: string,
    why: string,
  ) {
    super(`Cannot set "${path}": ${why}`);
  }
}
