// Mirrors tsconfig.base.json "paths" for jest, so there is one source of truth for the @app/* aliases.
const path = require('node:path');
const { compilerOptions } = require('../../tsconfig.base.json');

function pathsToModuleNameMapper() {
  const mapper = {};
  for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
    mapper[`^${alias}$`] = path.join('<rootDir>', target);
  }
  return mapper;
}

module.exports = { pathsToModuleNameMapper };
