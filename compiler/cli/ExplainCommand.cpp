// `jaws explain CODE`: the long explanation of a diagnostic code, from the
// catalog. `jaws explain --markdown` prints the whole catalog as the
// reference page docs/diagnostics.md. `jaws explain Function` describes a
// type of the standard library (a block's schema: its attributes, types,
// defaults and descriptions); `--markdown-schemas` prints all of them for
// docs/language.md.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/Commands.h"
#include "cli/SchemaReference.h"
#include "diag/Catalog.h"
#include "sema/Suggest.h"

namespace jaws::cli {

namespace {

struct ExplainOptions {
  std::string code;
  bool markdown = false;
  bool markdownSchemas = false;
  std::string stdlib;
};

// The standard library's types: the embedded copy, or the one in --stdlib.
std::vector<SchemaDescription> stdlibSchemas(const ExplainOptions& options) {
  CompilationOptions compilationOptions;
  if (!options.stdlib.empty()) compilationOptions.stdlibDir = options.stdlib;
  Compilation stdlibOnly(std::move(compilationOptions));
  return describeStdlibTypes(stdlibOnly);
}

int explainSchema(const ExplainOptions& options) {
  const std::string& name = options.code;
  const std::vector<SchemaDescription> schemas = stdlibSchemas(options);
  if (const SchemaDescription* schema = findSchema(schemas, name)) {
    std::cout << renderSchemaText(*schema);
    return kExitOk;
  }
  std::vector<std::string> names;
  std::string list;
  for (const auto& schema : schemas) {
    names.push_back(schema.name);
    list += (list.empty() ? "" : ", ") + schema.name;
  }
  std::cerr << fmt::format("jaws: unknown diagnostic code or type '{}' (codes look like JW1003; the types are {})\n", name, list);
  if (auto best = sema::closestMatch(name, names)) std::cerr << fmt::format("jaws: did you mean '{}'?\n", *best);
  return kExitUsage;
}

std::string indent(std::string_view text) {
  std::string out = "    ";
  for (char c : text) {
    out += c;
    if (c == '\n') out += "    ";
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
  return out;
}

std::string markdownCatalog() {
  std::string out =
      "# Diagnostics\n\n"
      "Every diagnostic Jaws reports, generated from the catalog (`compiler/diag/Catalog.def`) by\n"
      "`jaws explain --markdown`. A test fails when this page and the catalog disagree.\n\n"
      "| range | what |\n|---|---|\n"
      "| JW1xxx | syntax |\n| JW2xxx | names and imports |\n| JW3xxx | types and schemas |\n"
      "| JW4xxx | AWS limits that would fail at deploy time |\n| JW5xxx | lints (configurable) |\n"
      "| JW6xxx | importers (`jaws import`) |\n| JW9xxx | files and I/O |\n";
  for (const CatalogEntry& entry : catalog()) {
    out += fmt::format("\n## {} {} ({})\n\n`{}`\n\n{}\n", entry.id, entry.name, severityName(entry.severity), entry.message,
                       entry.explanation);
    if (!entry.example.empty()) out += fmt::format("\n```jaws\n{}```\n", entry.example);
  }
  return out;
}

int runExplain(const ExplainOptions& options) {
  if (options.markdown) {
    std::cout << markdownCatalog();
    return kExitOk;
  }
  if (options.markdownSchemas) {
    std::cout << renderSchemasMarkdown(stdlibSchemas(options));
    return kExitOk;
  }
  const CatalogEntry* entry = findCatalogEntry(options.code);
  if (entry == nullptr) return explainSchema(options);
  std::cout << fmt::format("{} ({}): {}\n\n{}\n", entry->id, severityName(entry->severity), entry->message,
                           entry->explanation);
  if (!entry->example.empty()) std::cout << fmt::format("\nExample:\n\n{}\n", indent(entry->example));
  return kExitOk;
}

}  // namespace

Command addExplainCommand(CLI::App& app) {
  auto options = std::make_shared<ExplainOptions>();
  CLI::App* explain = app.add_subcommand(
      "explain", "Explain a diagnostic code or a block's schema, e.g. `jaws explain JW1003`, `jaws explain Function`");
  auto* code = explain->add_option("code", options->code, "A diagnostic code (JW1003) or a standard-library type (Function, Api, ...)");
  auto* markdown = explain->add_flag("--markdown", options->markdown, "Print every code as Markdown (docs/diagnostics.md)");
  auto* schemas = explain->add_flag("--markdown-schemas", options->markdownSchemas,
                                    "Print every standard-library type as Markdown (docs/language.md)");
  explain->add_option("--stdlib", options->stdlib, "Read the standard library's types from this folder");
  code->excludes(markdown);
  code->excludes(schemas);
  markdown->excludes(schemas);
  explain->callback([code, markdown, schemas] {
    if (code->count() == 0 && markdown->count() == 0 && schemas->count() == 0) throw CLI::RequiredError("code");
  });
  return {explain, [options] { return runExplain(*options); }};
}

}  // namespace jaws::cli
