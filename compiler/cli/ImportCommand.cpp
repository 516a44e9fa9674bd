// `jaws import FILE [-o DIR]`: turns a serverless.yml (Serverless Framework
// v3) or a SAM template into a Jaws project written into DIR (the file's folder by default),
// in canonical layout. Every item that could not be carried over is reported
// against the YAML's line:col; the exit code is 0 only when the import is
// complete, 1 when something was left out or nothing could be imported.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <yaml-cpp/yaml.h>

#include "cli/Commands.h"
#include "diag/Builders.h"
#include "diag/Renderers.h"
#include "import/ProjectWriter.h"
#include "import/JawsText.h"
#include "import/SamImporter.h"
#include "import/ServerlessImporter.h"
#include "source/SourceManager.h"

namespace jaws::cli {

namespace {

constexpr std::uintmax_t kMaxYamlBytes = 8u << 20;  // far above any hand-written file

struct ImportOptions {
  std::string input;
  std::string output;
  std::string format = "text";
};

// The folder of the YAML relative to the output folder, as a handler prefix.
std::string codePrefix(const std::filesystem::path& yamlFolder, const std::filesystem::path& output) {
  std::error_code error;
  const auto from = std::filesystem::weakly_canonical(output, error);
  const auto to = std::filesystem::weakly_canonical(yamlFolder.empty() ? "." : yamlFolder, error);
  const std::string relative = to.lexically_relative(from).generic_string();
  return relative.empty() || relative == "." ? "" : relative + "/";
}

// A SAM template has no name: the project is named after the template's folder.
std::string samProjectName(const std::filesystem::path& input) {
  std::error_code error;
  const std::filesystem::path folder = std::filesystem::weakly_canonical(input, error).parent_path();
  const std::string name = importer::declarationName(folder.filename().string());
  return name.empty() || name == "imported" ? "imported" : name;
}

int runImport(const ImportOptions& options) {
  SourceManager sources;
  Diagnostics diagnostics;
  const auto finish = [&](bool complete, const std::string& summary) {
    const DiagnosticReport report{&diagnostics, &sources};
    std::cerr << (options.format == "json" ? renderJson({&report, 1}) : renderText({&report, 1}));
    if (!summary.empty()) std::cout << summary;
    return complete ? kExitOk : kExitErrors;
  };
  std::error_code error;
  const std::filesystem::path input(options.input);
  const auto size = std::filesystem::file_size(input, error);
  if (error || !std::filesystem::is_regular_file(input, error)) {
    diagnostics.push_back(diag::CannotRead(Span{}, options.input, error ? error.message() : "not a regular file"));
    return finish(false, "");
  }
  if (size > kMaxYamlBytes) {
    diagnostics.push_back(diag::FileTooLarge(Span{}, std::to_string(size), std::to_string(kMaxYamlBytes)));
    return finish(false, "");
  }
  std::ifstream stream(input, std::ios::binary);
  std::ostringstream text;
  text << stream.rdbuf();
  const FileId file = sources.add(input.generic_string(), input.generic_string(), text.str());
  importer::ImportReport report(file);
  YAML::Node root;
  try {
    root = YAML::Load(text.str());
  } catch (const YAML::Exception& e) {
    Span at{file, 0, 0};
    if (e.mark.pos >= 0) at = Span{file, static_cast<std::uint32_t>(e.mark.pos), static_cast<std::uint32_t>(e.mark.pos) + 1};
    diagnostics.push_back(diag::ImportYamlInvalid(at, e.msg));
    return finish(false, "");
  }
  const bool sam = importer::isSamTemplate(root);
  if (!sam && !importer::isServerlessFile(root)) {
    diagnostics.push_back(diag::ImportUnknownFormat(Span{file, 0, 0}));
    return finish(false, "");
  }
  const std::filesystem::path output =
      options.output.empty() ? (input.parent_path().empty() ? std::filesystem::path(".") : input.parent_path()) : std::filesystem::path(options.output);
  importer::ImportedProject project;
  try {
    const std::string prefix = codePrefix(input.parent_path(), output);
    project = sam ? importer::importSam(root, prefix, samProjectName(input), report) : importer::importServerless(root, prefix, report);
  } catch (const YAML::Exception& e) {
    // A value of an unexpected shape (a list where a map belongs).
    Span at{file, 0, 0};
    if (e.mark.pos >= 0) at = Span{file, static_cast<std::uint32_t>(e.mark.pos), static_cast<std::uint32_t>(e.mark.pos) + 1};
    diagnostics.push_back(diag::ImportYamlInvalid(at, e.msg));
    return finish(false, "");
  }
  diagnostics = report.diagnostics();
  const importer::ImportedProject formatted = importer::formatProject(project, diagnostics);
  if (formatted.files.size() != project.files.size() || !importer::writeProject(formatted, output, diagnostics))
    return finish(false, "");
  std::size_t leftOut = 0;
  for (const Diagnostic& d : diagnostics) leftOut += d.severity == Severity::Warning || d.severity == Severity::Error;
  std::string summary = "wrote " + std::to_string(formatted.files.size()) + " files to " + output.generic_string();
  summary += leftOut == 0 ? "; the import is complete\n" : "; " + std::to_string(leftOut) + " items were not carried over\n";
  return finish(leftOut == 0, summary);
}

}  // namespace

Command addImportCommand(CLI::App& app) {
  auto options = std::make_shared<ImportOptions>();
  CLI::App* sub = app.add_subcommand("import", "Import a serverless.yml or a SAM template as a Jaws project (docs/import.md)");
  sub->add_option("file", options->input, "The serverless.yml or SAM template.yaml to import")->required();
  sub->add_option("-o,--output", options->output, "The folder to write the project into (default: the file's folder)");
  sub->add_option("--format", options->format, "How diagnostics are printed")->check(CLI::IsMember({"text", "json"}));
  return {sub, [options] { return runImport(*options); }};
}

}  // namespace jaws::cli
