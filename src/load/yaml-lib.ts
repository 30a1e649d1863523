import { createRequire } from 'node:module';

type YamlLib = typeof import('yaml');
let lib: YamlLib | undefined;

/**
 * The `yaml` package, loaded on first use (~40 ms of module loading): only a file with a syntax
 * error needs it, to word the error. require() keeps the functions synchronous.
 */
export function yamlLib(): YamlLib {
  lib ??= createRequire(import.meta.url)('yaml') as YamlLib;
  return lib;
}
