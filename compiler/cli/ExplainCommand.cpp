// `jaws explain CODE`: the long explanation of a diagnostic code, from the
// catalog. `jaws explain --markdown` prints the whole catalog as the
// reference page docs/diagnostics.md.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/Commands.h"
#include "diag/Catalog.h"

namespace jaws::cli {

namespace {

struct ExplainOptions {
  std::string code;
  bool markdown = false;
};

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
      "| JW9xxx | files and I/O |\n";
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
  const CatalogEntry* entry = findCatalogEntry(options.code);
  if (entry == nullptr) {
    std::cerr << fmt::format("jaws: unknown diagnostic code '{}' (codes look like JW1003)\n", options.code);
    return kExitUsage;
  }
  std::cout << fmt::format("{} ({}): {}\n\n{}\n", entry->id, severityName(entry->severity), entry->message,
                           entry->explanation);
  if (!entry->example.empty()) std::cout << fmt::format("\nExample:\n\n{}\n", indent(entry->example));
  return kExitOk;
}

}  // namespace

Command addExplainCommand(CLI::App& app) {
  auto options = std::make_shared<ExplainOptions>();
  CLI::App* explain = app.add_subcommand("explain", "Explain a diagnostic code, e.g. `jaws explain JW1003`");
  auto* code = explain->add_option("code", options->code, "The diagnostic code");
  auto* markdown = explain->add_flag("--markdown", options->markdown, "Print every code as Markdown (docs/diagnostics.md)");
  code->excludes(markdown);
  explain->callback([explain, code, markdown] {
    if (code->count() == 0 && markdown->count() == 0) throw CLI::RequiredError("code");
    (void)explain;
  });
  return {explain, [options] { return runExplain(*options); }};
}

}  // namespace jaws::cli
