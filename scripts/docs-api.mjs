// `pnpm docs:api`: the API reference of @fluxion/core, @fluxion/activations and @fluxion/nn, as a
// static site in docs/api/ (gitignored: it is generated from the sources, which hold the truth).
// Fails on any TypeDoc warning (broken {@link}, a referenced type that is not exported, …) and on
// any public export without a doc comment, or a public function, class or method without an
// `@example`. TypeDoc 0.28's own `validation.notDocumented` reports nothing (TypeStrong/typedoc#3046),
// so that check is done here on the converted project.
//   node scripts/docs-api.mjs [--check]
// --check (what `pnpm test` runs) validates only and writes no site.
import { Application, ReflectionKind } from "typedoc";

const checkOnly = process.argv.includes("--check");
const app = await Application.bootstrapWithPlugins({ options: "typedoc.json" });
const project = await app.convert();
if (!project) {
  console.error("docs:api: TypeDoc could not convert the project");
  process.exit(1);
}
app.validate(project);

const problems = [];
const needsComment =
  ReflectionKind.Function |
  ReflectionKind.Class |
  ReflectionKind.Interface |
  ReflectionKind.TypeAlias |
  ReflectionKind.Variable |
  ReflectionKind.Enum |
  ReflectionKind.Method |
  ReflectionKind.Property |
  ReflectionKind.Accessor;
const needsExample = ReflectionKind.Function | ReflectionKind.Class;

const commentOf = (r) =>
  r.comment ??
  r.signatures?.find((s) => s.comment)?.comment ??
  r.getSignature?.comment ??
  r.setSignature?.comment;
const where = (r) => {
  const source = r.sources?.[0] ?? r.signatures?.[0]?.sources?.[0];
  return source ? `${source.fileName}:${source.line}` : "?";
};

for (const r of project.getReflectionsByKind(needsComment)) {
  // Members inherited from a documented parent, or implementing one, carry its docs in the site.
  if (r.inheritedFrom || r.implementationOf || r.overwrites) continue;
  // Object-literal and type-literal members (options bags) document themselves by their type.
  if (r.parent?.kindOf(ReflectionKind.TypeLiteral)) continue;
  const comment = commentOf(r);
  if (!comment) {
    problems.push(
      `${r.getFullName()} (${ReflectionKind.singularString(r.kind)}, ${where(r)}) has no doc comment`,
    );
    continue;
  }
  if (r.kindOf(needsExample) && !comment.getTag("@example"))
    problems.push(
      `${r.getFullName()} (${ReflectionKind.singularString(r.kind)}, ${where(r)}) has no @example`,
    );
}

for (const p of problems) app.logger.warn(p);
if (!checkOnly && app.logger.errorCount === 0)
  await app.generateDocs(project, app.options.getValue("out"));
const warnings = app.logger.warningCount;
const errors = app.logger.errorCount;
if (warnings > 0 || errors > 0) {
  console.error(
    `docs:api: ${errors} errors, ${warnings} warnings (undocumented exports: ${problems.length})`,
  );
  process.exit(1);
}
console.log(
  `docs:api: no warnings${checkOnly ? "" : `; site written to ${app.options.getValue("out")}`}`,
);
