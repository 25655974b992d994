// Writes src/openapi-metadata.ts: what the @nestjs/swagger plugin reads from the DTOs and controllers (types,
// class-validator constraints, doc comments), once, for the build and the tests alike. The service loads it at
// start-up (SwaggerModule.loadPluginMetadata), so the tests can compile each file on its own (SWC) and still build
// the same OpenAPI document as the service. `npm run build` and `npm run openapi` run this first; with `--check` it
// writes nothing and fails when the committed file is not what the sources give.
import { PluginMetadataGenerator } from '@nestjs/cli/lib/compiler/plugins/plugin-metadata-generator.js';
import { ReadonlyVisitor } from '@nestjs/swagger/plugin';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';

const source = path.resolve('src');
const committed = 'openapi-metadata.ts';
const check = process.argv.includes('--check');
// A check writes beside the committed file (the imports inside are relative to it), under a name of its own.
const filename = check ? `.openapi-metadata-check-${process.pid}.ts` : committed;

// The generator type-checks the program, this file included: a stale one (naming a DTO since renamed) would stop
// its own regeneration, so it starts from an empty one.
if (!check) writeFileSync(path.join(source, committed), 'export default async () => ({});\n');

new PluginMetadataGenerator().generate({
  visitors: [
    new ReadonlyVisitor({
      classValidatorShim: true,
      introspectComments: true,
      esmCompatible: true,
      pathToSource: source,
    }),
  ],
  outputDir: source,
  filename,
  tsconfigPath: 'tsconfig.build.json',
  printDiagnostics: false,
});

if (check) {
  const generated = path.join(source, filename);
  const fresh = readFileSync(generated, 'utf8');
  rmSync(generated);
  if (fresh !== readFileSync(path.join(source, committed), 'utf8')) {
    process.stderr.write(`src/${committed} is out of date: run npm run openapi\n`);
    process.exit(1);
  }
}
