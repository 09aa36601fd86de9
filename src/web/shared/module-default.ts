/** The innermost `default` of a module namespace. */
export type ModuleDefault<M> = M extends { default: infer D } ? ModuleDefault<D> : M;

/**
 * antd and antd-mobile ship their locales as ES modules inside packages without
 * `"type": "module"`, so TypeScript (NodeNext) sees one more `default` level than the
 * bundler produces. Unwrapping at run time is right for both.
 */
export function moduleDefault<M>(namespace: M): ModuleDefault<M> {
  let value: unknown = namespace;
  while (typeof value === 'object' && value !== null && 'default' in value) {
    value = (value as { default: unknown }).default;
  }
  return value as ModuleDefault<M>;
}
