import { createRequire } from 'node:module';

type YamlLib = typeof import('yaml');
let lib: YamlLib | undefined;

/**
 * The `yaml` package, loaded on first use (~40 ms of module loading): most runs never need it, as
 * files take js-yaml's fast path and positions are computed only for files with findings; a run
 * answered from the cache needs neither. require() keeps the parse functions synchronous.
 */
export function yamlLib(): YamlLib {
  lib ??= createRequire(import.meta.url)('yaml') as YamlLib;
  return lib;
}
