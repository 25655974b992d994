// Runs the @nestjs/swagger CLI plugin under ts-jest, so the tests see the same OpenAPI metadata as `nest build`.
const { before } = require('@nestjs/swagger/plugin');

module.exports = {
  name: 'nestjs-swagger-transformer',
  version: 1,
  factory: (compiler) =>
    before({ classValidatorShim: true, introspectComments: true, esmCompatible: true }, compiler.program),
};
